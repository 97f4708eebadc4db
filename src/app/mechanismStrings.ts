// Every mechanism's words, in both languages, in one glossary: its short name (tables, legends),
// its menu label, the caption of its parallel matrix and what it forgets. Pages read their mechanism
// words from here, so a name is written once per language.
import type { Mechanism } from '../core/cases';
import { defineStrings } from './i18n/define';

export interface MechanismWords {
  /** Short name for tables and legends. */
  name: string;
  /** The playground's menu label (the name and what sets it apart). */
  label: string;
  /** What its parallel-view matrix shows. */
  caption: string;
  /** Chapter 10's "what it forgets or overwrites". */
  forgets: string;
}

export const mechanismStrings = defineStrings(
  {
    linear_attention: {
      name: 'Linear attention',
      label: 'Linear attention',
      caption: 'Weights M = tril(QKᵀ): row t = the query’s step, column s = the key’s step; o_t = Σ_s M_ts v_s',
      forgets: 'nothing: writes only add up',
    },
    softmax_attention: {
      name: 'Softmax attention',
      label: 'Softmax attention',
      caption: 'Weights M = softmax of each row of the masked scores QKᵀ (each row sums to 1): row t = the query’s step, column s = the key’s step',
      forgets: 'nothing: every token stays in the cache',
    },
    retnet: {
      name: 'RetNet',
      label: 'RetNet (constant γ)',
      caption: 'Weights M = tril(QKᵀ) ⊙ D with decay D_ts = γ^(t−s): row t = the query’s step, column s = the key’s step',
      forgets: 'everything fades at one fixed rate γ',
    },
    gated_retention: {
      name: 'Gated retention',
      label: 'Gated retention (γ_t per step)',
      caption: 'Weights M = tril(QKᵀ) ⊙ D with decay D_ts = ∏ γ_r (r = s+1 … t): row t = the query’s step, column s = the key’s step',
      forgets: 'the whole memory fades by a γₜ chosen each step',
    },
    gla: {
      name: 'GLA',
      label: 'GLA (a gate per key dimension)',
      caption: 'Weights M_ts = Σ_j q_t[j] k_s[j] ∏ γ_r[j] (r = s+1 … t), one gate per key dimension: row t = the query’s step, column s = the key’s step',
      forgets: 'each key dimension fades at its own rate',
    },
    deltanet: {
      name: 'DeltaNet',
      label: 'DeltaNet (delta rule)',
      caption: 'Effective weights M = tril(QKᵀ)(I + L)⁻¹ diag(β), L_ts = β_t k_tᵀk_s (s < t), so O = M V: how much of value v_s the read at step t still returns after the erases (negative = taken away)',
      forgets: 'overwrites what is stored along kₜ; nothing fades',
    },
    gated_deltanet: {
      name: 'Gated DeltaNet',
      label: 'Gated DeltaNet',
      caption: 'Effective weights M = (tril(QKᵀ) ⊙ D)(I + L)⁻¹ diag(β), D_ts = ∏ α_r (r = s+1 … t), so O = M V: how much of value v_s the read at step t still returns after decay and erases',
      forgets: 'overwrites along kₜ and fades all of S',
    },
    kda: {
      name: 'Kimi Delta Attention',
      label: 'Kimi Delta Attention (Gated DeltaNet, a gate per key dimension)',
      caption: 'Effective weights M = (tril(QKᵀ) ⊙ D)(I + L)⁻¹ diag(β) with a decay per key dimension, D_ts[j] = ∏ α_r[j] (r = s+1 … t), so O = M V: how much of value v_s the read at step t still returns after decay and erases',
      forgets: 'overwrites along kₜ, and each key dimension fades at its own rate',
    },
    rwkv7: {
      name: 'RWKV-7',
      label: 'RWKV-7 (generalized delta rule: diag(w) + a bᵀ)',
      caption: 'Effective weights M with O = M V: the transition diag(w_t) + a_t b_tᵀ solved for all steps at once (a triangular system over the per-key decays), how much of value v_s the read at step t still returns',
      forgets: 'each key dimension fades at its own rate w, and a low-rank a bᵀ rewrites what is stored',
    },
    mamba2: {
      name: 'Mamba-2',
      label: 'Mamba-2 (SSD)',
      caption: 'Weights M = tril(C Bᵀ) ⊙ D with D_ts = ∏ exp(Δ_r A) (r = s+1 … t), on the inputs Δ_s x_s: row t = the output’s step, column s = the input’s step',
      forgets: 'the whole memory fades by a γₜ chosen each step',
    },
    mamba: {
      name: 'Mamba (S6)',
      label: 'Mamba (S6)',
      caption: 'Mamba has no single weight matrix: every channel decays by its own amount',
      forgets: 'each entry fades at its own rate exp(Δ A)',
    },
  } satisfies Record<Mechanism, MechanismWords>,
  {
    linear_attention: {
      name: '線性注意力',
      label: '線性注意力',
      caption: '權重 M = tril(QKᵀ)：第 t 列 = query 的時間步，第 s 欄 = key 的時間步；o_t = Σ_s M_ts v_s',
      forgets: '不遺忘：寫入只會一直累加',
    },
    softmax_attention: {
      name: 'softmax 注意力',
      label: 'softmax 注意力',
      caption: '權重 M = 遮罩後分數 QKᵀ 逐列做 softmax（每列總和為 1）：第 t 列 = query 的時間步，第 s 欄 = key 的時間步',
      forgets: '不遺忘：每個 token 都留在快取裡',
    },
    retnet: {
      name: 'RetNet',
      label: 'RetNet（固定 γ）',
      caption: '權重 M = tril(QKᵀ) ⊙ D，衰減 D_ts = γ^(t−s)：第 t 列 = query 的時間步，第 s 欄 = key 的時間步',
      forgets: '所有內容以同一個固定比例 γ 淡去',
    },
    gated_retention: {
      name: '門控保留',
      label: '門控保留（每步一個 γ_t）',
      caption: '權重 M = tril(QKᵀ) ⊙ D，衰減 D_ts = ∏ γ_r（r = s+1 … t）：第 t 列 = query 的時間步，第 s 欄 = key 的時間步',
      forgets: '整個記憶依每一步選出的 γₜ 淡去',
    },
    gla: {
      name: 'GLA',
      label: 'GLA（每個 key 維度一個門控）',
      caption: '權重 M_ts = Σ_j q_t[j] k_s[j] ∏ γ_r[j]（r = s+1 … t），每個 key 維度各有一個門控：第 t 列 = query 的時間步，第 s 欄 = key 的時間步',
      forgets: '每個 key 維度以各自的比例淡去',
    },
    deltanet: {
      name: 'DeltaNet',
      label: 'DeltaNet（delta rule）',
      caption: '等效權重 M = tril(QKᵀ)(I + L)⁻¹ diag(β)，L_ts = β_t k_tᵀk_s（s < t），使 O = M V：經過擦除之後，第 t 步的讀取還能取回多少 value v_s（負值 = 被扣掉）',
      forgets: '覆寫沿著 kₜ 存的內容；不會淡去',
    },
    gated_deltanet: {
      name: 'Gated DeltaNet',
      label: 'Gated DeltaNet',
      caption: '等效權重 M = (tril(QKᵀ) ⊙ D)(I + L)⁻¹ diag(β)，D_ts = ∏ α_r（r = s+1 … t），使 O = M V：經過衰減與擦除之後，第 t 步的讀取還能取回多少 value v_s',
      forgets: '沿著 kₜ 覆寫，並讓整個 S 淡去',
    },
    kda: {
      name: 'Kimi Delta Attention',
      label: 'Kimi Delta Attention（Gated DeltaNet，每個 key 維度一個門控）',
      caption: '等效權重 M = (tril(QKᵀ) ⊙ D)(I + L)⁻¹ diag(β)，每個 key 維度各有衰減 D_ts[j] = ∏ α_r[j]（r = s+1 … t），使 O = M V：經過衰減與擦除之後，第 t 步的讀取還能取回多少 value v_s',
      forgets: '沿著 kₜ 覆寫，並讓每個 key 維度以各自的比例淡去',
    },
    rwkv7: {
      name: 'RWKV-7',
      label: 'RWKV-7（廣義 delta rule：diag(w) + a bᵀ）',
      caption: '等效權重 M，使 O = M V：把轉移 diag(w_t) + a_t b_tᵀ 一次解出所有時間步（在每個 key 維度的衰減上解一個三角方程組），第 t 步的讀取還能取回多少 value v_s',
      forgets: '每個 key 維度以各自的比例 w 淡去，低秩的 a bᵀ 改寫記憶中存的內容',
    },
    mamba2: {
      name: 'Mamba-2',
      label: 'Mamba-2（SSD）',
      caption: '權重 M = tril(C Bᵀ) ⊙ D，D_ts = ∏ exp(Δ_r A)（r = s+1 … t），作用在輸入 Δ_s x_s 上：第 t 列 = 輸出的時間步，第 s 欄 = 輸入的時間步',
      forgets: '整個記憶依每一步選出的 γₜ 淡去',
    },
    mamba: {
      name: 'Mamba（S6）',
      label: 'Mamba（S6）',
      caption: 'Mamba 沒有單一的權重矩陣：每個通道各自以不同的量衰減',
      forgets: '每個元素以各自的比例 exp(Δ A) 淡去',
    },
  },
);

type Lang = keyof typeof mechanismStrings;

/** One word of every mechanism, in one language: a table a page can index by Mechanism. */
export function mechanismWord(lang: Lang, word: keyof MechanismWords): Record<Mechanism, string> {
  const table = mechanismStrings[lang] as Record<Mechanism, MechanismWords>;
  return Object.fromEntries(Object.entries(table).map(([m, w]) => [m, w[word]])) as Record<Mechanism, string>;
}

/** Some mechanisms' words, for a page that shows only those. */
export function pick<M extends Mechanism>(words: Record<Mechanism, string>, ids: readonly M[]): Record<M, string> {
  return Object.fromEntries(ids.map((m) => [m, words[m]])) as Record<M, string>;
}
