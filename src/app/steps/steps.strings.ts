// The words of step-linked reading, in both languages.
import { defineStrings } from '../i18n/define';

export const stepStrings = defineStrings(
  {
    nav: 'Steps of the derivation',
    stepOf: 'Step {n} of {N}',
    overview: 'Overview: the figure shows everything. Start the steps to build it up piece by piece.',
    start: 'Start the steps',
    previous: 'Previous step',
    next: 'Next step',
    keys: 'J / K: next / previous step',
    notes: 'Speaker notes',
    notYet: 'Not yet on show: a later step of the text introduces it.',
    link: 'Link to this step',
  },
  {
    nav: '推導的步驟',
    stepOf: '第 {n} 步，共 {N} 步',
    overview: '總覽：圖上顯示全部內容。開始逐步閱讀，圖會一步一步建立起來。',
    start: '開始逐步閱讀',
    previous: '上一步',
    next: '下一步',
    keys: 'J / K：下一步／上一步',
    notes: '講者備註',
    notYet: '還沒出場：後面的步驟會介紹它。',
    link: '這一步的連結',
  },
);
