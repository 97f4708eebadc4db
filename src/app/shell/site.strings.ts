// Site-wide words, both languages: the header, footer, language switch, navigation, chapter titles and page titles.
import { defineStrings } from '../i18n/define';

export const siteStrings = defineStrings(
  {
    siteName: 'Memory Lane',
    tagline: 'One memory matrix behind linear attention, RetNet, gated memories, DeltaNet and Mamba — running live in your browser.',
    languageLabel: 'Language',
    skipToContent: 'Skip to content',
    /** Wide formulas, matrices and tables scroll sideways inside their own frame on a narrow screen. */
    scrollFrame: { formula: 'Formula', wide: 'Wide content', region: '{name} (scroll sideways)' },
    credit: 'The course follows the derivation of Hung-yi Lee’s lecture “Transformer 的競爭者們” (2025); the text and figures are our own.',
    nav: {
      /** The chapter's live figure, as a heading for screen readers (it sits between the title and the views). */
      liveFigure: 'The live figure',
      home: 'Home',
      contents: 'Contents',
      lab: 'First light (lab)',
      previous: 'Previous',
      next: 'Next',
      comingSoon: 'coming soon',
      chapter: 'Chapter {n}',
      notFound: 'There is no page here',
      notFoundBody: 'The link “{path}” does not lead to a page of this course. Pick a chapter from the contents.',
      chapterMissing: 'This chapter is not written yet. The contents list the chapters you can open now.',
    },
    chapterTitles: {
      why: 'Why look beyond attention',
      rnn: 'The RNN template',
      'linear-attention': 'Drop the reflection: linear attention',
      'write-read': 'Write with k, read with q',
      capacity: 'How much can it remember?',
      retnet: 'Forgetting on purpose: RetNet',
      gates: 'Data-dependent forgetting',
      'finer-gates': 'Finer gates',
      deltanet: 'Read, erase, write: DeltaNet',
      mamba: 'Mamba from control theory',
      'where-they-stand': 'Where they stand',
    },
    titles: {
      home: 'Memory Lane — one memory matrix behind linear attention, RetNet, DeltaNet and Mamba',
      page: '{page} — {site}',
      playground: 'Playground',
      glossary: 'Glossary',
    },
  },
  {
    siteName: '記憶小徑 Memory Lane',
    tagline: '線性注意力、RetNet、門控記憶、DeltaNet 與 Mamba 背後其實是同一個記憶矩陣——就在你的瀏覽器裡即時運算。',
    languageLabel: '語言',
    skipToContent: '跳到主要內容',
    scrollFrame: { formula: '公式', wide: '寬版內容', region: '{name}（可左右捲動）' },
    credit: '本課程依循李宏毅老師「Transformer 的競爭者們」（2025）課程的推導順序；文字與圖皆為本站自行撰寫。',
    nav: {
      liveFigure: '即時圖解',
      home: '首頁',
      contents: '目錄',
      lab: '第一道光（實驗室）',
      previous: '上一章',
      next: '下一章',
      comingSoon: '即將推出',
      chapter: '第 {n} 章',
      notFound: '這裡沒有頁面',
      notFoundBody: '連結「{path}」不是本課程的頁面。請從目錄選一章。',
      chapterMissing: '這一章還沒寫好。目錄裡列出了現在可以打開的章節。',
    },
    chapterTitles: {
      why: '為什麼要看注意力以外的架構',
      rnn: 'RNN 的基本樣板',
      'linear-attention': '拿掉反思：線性注意力',
      'write-read': '用 k 寫入，用 q 讀取',
      capacity: '它能記住多少？',
      retnet: '刻意遺忘：RetNet',
      gates: '依輸入決定的遺忘',
      'finer-gates': '更細的門控',
      deltanet: '讀取、擦除、寫入：DeltaNet',
      mamba: '從控制理論走到 Mamba',
      'where-they-stand': '它們現在走到哪裡',
    },
    titles: {
      home: '記憶小徑 Memory Lane——同一個記憶矩陣，串起線性注意力、RetNet、DeltaNet 與 Mamba',
      page: '{page} — {site}',
      playground: '自由實驗場',
      glossary: '詞彙表',
    },
  },
);

export type SiteWords = (typeof siteStrings)['en'];
