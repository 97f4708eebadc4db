// The "every mechanism on one input" figure's words (chapter 10), in both languages.
import { defineStrings } from '../../../i18n/define';
import { mechanismWord } from '../../../mechanismStrings';

export const sideBySideStrings = defineStrings(
  {
    heading: 'Every memory on one sequence',
    figure: 'Live figure: every mechanism run on the same q, k, v, one row each',
    caption:
      'One row per mechanism, all on the same T = {T} queries, keys and values (d_k = d_v = {d}); gates, β, Δ and the other fields each mechanism needs come from its own random case. In each row, first its memory S_T after the last step (d_v × d_k: row i = value channel, column j = key dimension), then its outputs o_t (T × d_v: row t = step, column i = value channel). Every heatmap uses the one colour scale above.',
    mechanism: 'Mechanism',
    memory: 'Memory S_T',
    outputs: 'Outputs o_t',
    mechanisms: mechanismWord('en', 'name'),
    stateCaption: '{name}: S_T',
    outCaption: '{name}: o_t',
    noState: 'no fixed memory: it keeps all {T} keys and values',
    stateRow: 'i',
    stateCol: 'j',
    outRow: 't',
    outCol: 'i',
    legend: 'Colour = value, one scale for every row (negative ↔ positive, white = 0)',
    waiting: 'Running {done} of {total} models…',
    failed: '{name} could not run: {detail}',
    reseed: 'New shared q, k, v',
    // A phone shows linear attention's row and one picked row; the toggle shows them all.
    compare: 'Beside linear attention',
    allRows: 'Show all {n} rows',
    twoRows: 'Show two rows',
  },
  {
    heading: '同一條序列上的每一種記憶',
    figure: '即時圖：每一種機制都用同一組 q、k、v 執行，一種一列',
    caption:
      '每一列是一種機制，全部使用同樣 T = {T} 步的 query、key、value（d_k = d_v = {d}）；各機制另外需要的門控、β、Δ 等欄位，取自它自己的隨機例子。每一列先是最後一步之後的記憶 S_T（d_v × d_k：第 i 列 = value 通道，第 j 行 = key 維度），接著是輸出 o_t（T × d_v：第 t 列 = 步，第 i 行 = value 通道）。所有熱圖共用上方同一個色階。',
    mechanism: '機制',
    memory: '記憶 S_T',
    outputs: '輸出 o_t',
    mechanisms: mechanismWord('zh-TW', 'name'),
    stateCaption: '{name}：S_T',
    outCaption: '{name}：o_t',
    noState: '沒有固定大小的記憶：它保留全部 {T} 個 key 與 value',
    stateRow: 'i',
    stateCol: 'j',
    outRow: 't',
    outCol: 'i',
    legend: '顏色 = 數值，每一列共用同一個色階（負 ↔ 正，白 = 0）',
    waiting: '正在執行第 {done} / {total} 個模型…',
    failed: '{name} 無法執行：{detail}',
    reseed: '換一組共用的 q、k、v',
    compare: '與線性注意力並列',
    allRows: '顯示全部 {n} 列',
    twoRows: '只顯示兩列',
  },
);
