// The predict-then-reveal question's words, both languages.
import { defineStrings } from '../i18n/define';

export const predictStrings = defineStrings(
  {
    title: 'Predict, then reveal',
    commit: 'Lock in my guess',
    right: 'Right!',
    wrong: 'Not quite — here is what happens:',
    again: 'Try again',
  },
  {
    title: '先猜再看',
    commit: '確定我的答案',
    right: '答對了！',
    wrong: '不太對——實際上是這樣：',
    again: '再試一次',
  },
);
