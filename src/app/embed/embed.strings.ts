import { defineStrings } from '../i18n/define';

export const embedStrings = defineStrings(
  {
    copy: 'Copy embed code',
    copied: 'Copied: paste it into a page to show this figure there.',
    copyFailed: 'Could not copy; the code is selected below, copy it with Ctrl+C (⌘C).',
    code: 'Embed code',
    which: 'Figure to embed',
    whole: 'The whole figure',
    source: 'Memory Lane · {chapter}',
    unknownFigure: 'Chapter “{chapter}” has no figure named “{figure}”. Its figures: {names}.',
    parts: {
      zoh: 'Zero-order hold (Δ)',
      convolution: 'Kernel and recurrence',
      selective: 'Selection',
      scan: 'Parallel scan',
      recap: 'Recap table',
      chunkwise: 'Training in chunks',
      'side-by-side': 'Every memory on one sequence',
    },
  },
  {
    copy: '複製嵌入程式碼',
    copied: '已複製：貼到網頁裡，就能在那裡顯示這張圖。',
    copyFailed: '無法自動複製；程式碼已在下方選取，請按 Ctrl+C（⌘C）複製。',
    code: '嵌入程式碼',
    which: '要嵌入的圖',
    whole: '整張圖',
    source: '記憶小徑 Memory Lane · {chapter}',
    unknownFigure: '「{chapter}」這一章沒有名為「{figure}」的圖。這一章的圖有：{names}。',
    parts: {
      zoh: '零階保持（Δ）',
      convolution: '卷積核與遞迴',
      selective: '選擇機制',
      scan: '平行掃描',
      recap: '總表',
      chunkwise: '分塊訓練',
      'side-by-side': '同一條序列上的每一種記憶',
    },
  },
);
