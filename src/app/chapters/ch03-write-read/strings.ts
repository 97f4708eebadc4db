// Chapter 3’s own words (write with k, read with q), both languages.
import { defineStrings } from '../../i18n/define';

export const ch03Strings = defineStrings(
  {
    figure: 'Live figure: write pairs with k, read with q',
    presets: { orthogonal: 'Two orthogonal keys', overlapping: 'Two overlapping keys', crowded: 'Three keys in two dimensions' },
    plane: 'Key plane: drag a key (or the query) — or focus it and use the arrow keys',
    key: 'key k{n}',
    query: 'query q',
    value: 'value v{n}',
    readTitle: 'Reading with q: S q = Σ v_s (k_sᵀ q)',
    term: 'term',
    overlap: 'k_sᵀ q',
    contribution: 'v_s (k_sᵀ q)',
    total: 'S q (what the read returns)',
    wanted: 'wanted: v{n} (the key nearest to q)',
    crosstalk: 'crosstalk: everything but the wanted term',
    exact: 'exact recall: no crosstalk',
  },
  {
    figure: '即時圖：用 k 寫入成對資料，用 q 讀取',
    presets: { orthogonal: '兩個正交的 key', overlapping: '兩個互相重疊的 key', crowded: '二維空間裡的三個 key' },
    plane: 'key 平面：拖曳 key（或 query）——也可以聚焦後用方向鍵移動',
    key: 'key k{n}',
    query: 'query q',
    value: 'value v{n}',
    readTitle: '用 q 讀取：S q = Σ v_s (k_sᵀ q)',
    term: '項',
    overlap: 'k_sᵀ q',
    contribution: 'v_s (k_sᵀ q)',
    total: 'S q（讀出的結果）',
    wanted: '想要的：v{n}（最接近 q 的 key）',
    crosstalk: '串擾：除了想要的那一項以外的全部',
    exact: '完美取回：沒有串擾',
  },
);
