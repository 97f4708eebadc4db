// The home page's words, both languages.
import { defineStrings } from '../i18n/define';

export const homeStrings = defineStrings(
  {
    lead: 'Every sequence model in this course keeps one memory matrix: keys write into it, queries read from it, gates make it forget, and the delta rule corrects it.',
    lead2: 'Each chapter runs that memory live in your browser and shows it two ways at once — the whole attention-like matrix in parallel, and the state step by step.',
    start: 'Start the course',
    liveCaption: 'Live: linear attention, computed in parallel and step by step on your machine.',
  },
  {
    lead: '本課程裡的每個序列模型都只維護一個記憶矩陣：key 負責寫入、query 負責讀取、門控讓它遺忘、delta rule 負責修正。',
    lead2: '每一章都在你的瀏覽器裡即時執行這個記憶，並同時用兩種方式呈現——平行地一次算出整個類似注意力的矩陣，以及一步一步地更新狀態。',
    start: '開始上課',
    liveCaption: '即時運算：線性注意力，在你的電腦上同時以平行和逐步的方式計算。',
  },
);
