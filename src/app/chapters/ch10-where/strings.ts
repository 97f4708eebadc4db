// Chapter 10's interface words, in both languages.
import { defineStrings } from '../../i18n/define';
import { mechanismWord, pick } from '../../mechanismStrings';

const CHOICES = ['mamba2', 'deltanet', 'softmax_attention', 'retnet'] as const;

export const whereStrings = defineStrings(
  {
    figure: 'Live figure: the selected row of the recap table, run on a small random case',
    tableCaption: 'Every mechanism of the course as a setting of one rule. Pick a row to run it live below.',
    columns: {
      mechanism: 'Mechanism',
      gate: 'Gate Gₜ',
      write: 'Write β / erase',
      state: 'State kept',
      training: 'Training on length T',
      inference: 'Generation, per token',
      forgets: 'What it forgets or overwrites',
      examples: 'Named in the lecture',
    },
    mechanisms: mechanismWord('en', 'name'),
    gates: {
      cache: 'none: a growing cache instead of S',
      none: 'none (G = 1)',
      scalar: 'one number for all of S',
      column: 'one number per key dimension',
      row: 'one number per value channel',
      full: 'one number per entry of S',
    },
    gateFixed: 'fixed',
    gateStep: 'new every step',
    beta: { one: 'β = 1', step: 'βₜ per step' },
    erase: { on: 'erase on', off: 'no erase' },
    notRule: '—',
    state: { cache: 't·(dₖ + dᵥ) numbers: grows', matrix: 'dᵥ × dₖ numbers: fixed' },
    stateNow: '{n} at t = {T}',
    training: { quadratic: 'O(T²): every pair of steps', chunkwise: 'parallel / chunkwise: linear in T', scan: 'parallel scan: linear in T' },
    inference: { grows: 'O(t): reads the whole cache', constant: 'O(dₖ·dᵥ): one state update' },
    forgets: mechanismWord('en', 'forgets'),
    chapter: 'ch. {n}',
    runRow: 'Run {name} live',
    ruleLine: 'This row, as the update the engine runs:',
    reseed: 'New random case',
    predict: {
      question: 'Which of these keeps a state that grows with the sequence?',
      choices: pick(mechanismWord('en', 'name'), CHOICES),
      explanation:
        'Softmax attention. It keeps every key and value it has seen, so after t tokens it holds t·(dₖ + dᵥ) numbers and each new token reads all of them. The other three squeeze the past into one dᵥ × dₖ matrix S; they differ only in how S forgets (RetNet, Mamba-2) or overwrites (DeltaNet). The figure now runs the softmax row: there is no memory matrix to show, only the weights.',
    },
  },
  {
    figure: '即時圖：把總表中選定的那一列，在一個小的隨機例子上執行',
    tableCaption: '本課程的每一種機制，都是同一條規則的不同設定。點選一列，就會在下方即時執行。',
    columns: {
      mechanism: '機制',
      gate: '門控 Gₜ',
      write: '寫入 β／擦除',
      state: '保留的狀態',
      training: '長度 T 的訓練',
      inference: '生成時每個 token',
      forgets: '會遺忘或覆寫什麼',
      examples: '課程中提到的模型',
    },
    mechanisms: mechanismWord('zh-TW', 'name'),
    gates: {
      cache: '無：用不斷變長的快取取代 S',
      none: '無（G = 1）',
      scalar: '整個 S 共用一個數',
      column: '每個 key 維度一個數',
      row: '每個 value 通道一個數',
      full: 'S 的每個元素各一個數',
    },
    gateFixed: '固定',
    gateStep: '每一步都不同',
    beta: { one: 'β = 1', step: '每一步一個 βₜ' },
    erase: { on: '有擦除', off: '不擦除' },
    notRule: '—',
    state: { cache: 't·(dₖ + dᵥ) 個數：會變長', matrix: 'dᵥ × dₖ 個數：固定' },
    stateNow: 't = {T} 時 {n} 個',
    training: { quadratic: 'O(T²)：每兩步都要配對', chunkwise: '平行／分塊：與 T 成線性', scan: '平行掃描：與 T 成線性' },
    inference: { grows: 'O(t)：讀完整個快取', constant: 'O(dₖ·dᵥ)：更新一次狀態' },
    forgets: mechanismWord('zh-TW', 'forgets'),
    chapter: '第 {n} 章',
    runRow: '即時執行 {name}',
    ruleLine: '這一列，就是引擎實際執行的更新式：',
    reseed: '換一個隨機例子',
    predict: {
      question: '下列哪一個保留的狀態會隨序列變長而增加？',
      choices: pick(mechanismWord('zh-TW', 'name'), CHOICES),
      explanation:
        '答案是 softmax 注意力。它保留看過的每一個 key 和 value，所以讀了 t 個 token 之後要存 t·(dₖ + dᵥ) 個數，每個新 token 都得把它們全部讀一遍。另外三者都把過去壓進同一個 dᵥ × dₖ 的矩陣 S，差別只在 S 怎麼遺忘（RetNet、Mamba-2）或怎麼覆寫（DeltaNet）。下方的圖已切換到 softmax 這一列：沒有記憶矩陣可畫，只有權重。',
    },
  },
);
