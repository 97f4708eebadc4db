// The words of step-linked reading, in both languages. The derivation's steps are called "parts" on
// the page, so they are never confused with the time steps t of the figure (the link still says ?step=n).
import { defineStrings } from '../i18n/define';

export const stepStrings = defineStrings(
  {
    nav: 'Parts of the derivation',
    stepOf: 'Part {n} of {N}',
    overview: 'Overview: the figure shows everything. Walk through the derivation to build it up part by part.',
    start: 'Start the walk-through',
    previous: 'Previous part',
    next: 'Next part',
    keys: 'J / K: next / previous part',
    presenterKeys: 'PageDown / PageUp: next / previous part',
    notes: 'Speaker notes',
    notYet: 'Not yet on show: a later part of the text introduces it.',
    controls: 'Inputs and settings',
  },
  {
    nav: '推導的各段',
    stepOf: '第 {n} 段，共 {N} 段',
    overview: '總覽：圖上顯示全部內容。跟著推導逐段閱讀，圖會一段一段建立起來。',
    start: '開始逐段導讀',
    previous: '上一段',
    next: '下一段',
    keys: 'J / K：下一段／上一段',
    presenterKeys: 'PageDown / PageUp：下一段／上一段',
    notes: '講者備註',
    notYet: '還沒出場：後面的段落會介紹它。',
    controls: '輸入與設定',
  },
);
