// Chapter 6's interface words, in both languages.
import { defineStrings } from '../../i18n/define';

export const gatesStrings = defineStrings(
  {
    figure: 'Live figure: gated retention on a short token sequence',
    presets: { 'one-clear': 'One ⟲ in the middle', 'no-clear': 'No ⟲ at all', 'two-clears': 'Two ⟲' },
    editor: {
      legend: 'Edit the sequence at step {t}',
      legendStart: 'Edit the sequence (cursor before step 1)',
      token: 'Token at step {t}',
      option: '{token}   γ = {gate}',
      insert: 'Insert ⟲ after step {t}',
      insertStart: 'Insert ⟲ at the start',
      remove: 'Remove step {t}',
      limits: 'A sequence holds 1 to {n} tokens.',
    },
    legend: 'Each token’s gate γ = σ(w·x + b):',
    gateStrip: 'Gate γₜ at every step',
    gateStripSpoken: 'gates at steps 1 to T',
    maskRow: 'Row {t} of the mask D: how much of each earlier write survives at step {t}',
    maskSpoken: 'row {t} of D, columns 1 to {t}',
    maskEmpty: 'Move the cursor to a step to see its row of D.',
    predict: {
      question: 'Step the figure to the ⟲ token. What will the read at the step right after ⟲ return?',
      choices: {
        blend: 'A blend of the values written since step 1, faded by the gates',
        own: 'Only what that step writes itself: (kᵀq) v of its own token',
        zero: 'Exactly zero: after ⟲ the memory stays empty',
      },
      explanation:
        'At ⟲ the gate is about 5·10⁻⁷, so S is multiplied by almost nothing and ⟲ writes nothing: the memory is empty. The next token decays that empty memory, writes v kᵀ, and reads with its own q. The read is that single term, (kᵀq) v; nothing written before ⟲ reaches it.',
      numbers: 'In the figure now: step {t} ({token}) reads o = [{o}], and its own term (kᵀq) v = [{own}].',
      noClear: 'Add a ⟲ with a token after it to see the numbers.',
    },
  },
  {
    figure: '即時圖：在一小段 token 序列上執行門控保留',
    presets: { 'one-clear': '中間有一個 ⟲', 'no-clear': '完全沒有 ⟲', 'two-clears': '兩個 ⟲' },
    editor: {
      legend: '編輯序列的第 {t} 步',
      legendStart: '編輯序列（游標在第 1 步之前）',
      token: '第 {t} 步的 token',
      option: '{token}   γ = {gate}',
      insert: '在第 {t} 步後面插入 ⟲',
      insertStart: '在最前面插入 ⟲',
      remove: '刪除第 {t} 步',
      limits: '序列可以有 1 到 {n} 個 token。',
    },
    legend: '每個 token 的門控 γ = σ(w·x + b)：',
    gateStrip: '每一步的門控 γₜ',
    gateStripSpoken: '第 1 到第 T 步的門控',
    maskRow: '遮罩 D 的第 {t} 列：到了第 {t} 步，先前每一次寫入還剩多少',
    maskSpoken: 'D 的第 {t} 列，第 1 到第 {t} 欄',
    maskEmpty: '把游標移到某一步，就能看到 D 的那一列。',
    predict: {
      question: '把圖走到 ⟲ 這個 token。緊接在 ⟲ 後面的那一步，讀出來的會是什麼？',
      choices: {
        blend: '從第 1 步以來寫入的所有 value 的混合，依門控逐漸變淡',
        own: '只有那一步自己寫進去的東西：它自己 token 的 (kᵀq) v',
        zero: '剛好是零：⟲ 之後記憶一直是空的',
      },
      explanation:
        '⟲ 的門控大約是 5·10⁻⁷，所以 S 幾乎被乘成零，而 ⟲ 本身什麼也不寫：記憶清空了。下一個 token 先把這個空記憶衰減，再寫入 v kᵀ，接著用自己的 q 讀取。讀到的就只有這一項 (kᵀq) v；⟲ 之前寫入的東西完全碰不到它。',
      numbers: '圖上現在的數字：第 {t} 步（{token}）讀出 o = [{o}]，它自己的那一項 (kᵀq) v = [{own}]。',
      noClear: '加入一個 ⟲，並讓它後面還有 token，就能看到數字。',
    },
  },
);
