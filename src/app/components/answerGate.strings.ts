// The words of a part held back until the learner answers, in both languages.
import { defineStrings } from '../i18n/define';

export const answerGateStrings = defineStrings(
  {
    locked: 'Locked until you answer “{title}”: this part would give the answer away.',
    held: 'Locked until your lecturer reveals the answer.',
    step: 'Step {t} would give the answer away: it opens once you answer “{title}”. Steps that do not give it away stay open.',
    heldStep: 'Step {t} would give the answer away: it opens once your lecturer reveals the answer.',
    prose: 'A passage here explains the answer. It opens once you answer “{title}” in the figure.',
    heldProse: 'A passage here explains the answer. It opens once your lecturer reveals it.',
    goToQuestion: 'Go to the question',
  },
  {
    locked: '這一部分會洩漏答案：回答「{title}」之後才會顯示。',
    held: '要等老師揭曉答案之後才會顯示。',
    step: '第 {t} 步會洩漏答案：回答「{title}」之後才會顯示；不會洩漏答案的步驟照常可以看。',
    heldStep: '第 {t} 步會洩漏答案：要等老師揭曉答案之後才會顯示。',
    prose: '這裡有一段文字會解釋答案：在圖裡回答「{title}」之後才會顯示。',
    heldProse: '這裡有一段文字會解釋答案：要等老師揭曉答案之後才會顯示。',
    goToQuestion: '前往題目',
  },
);
