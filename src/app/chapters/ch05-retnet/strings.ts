// Chapter 5’s own words (RetNet), both languages.
import { defineStrings } from '../../i18n/define';

export const ch05Strings = defineStrings(
  {
    figure: 'Live figure: RetNet with decay γ',
    presets: { random: 'Random vectors', 'single-write': 'One write, then only reads' },
    memoryLength: 'effective memory ≈ 1/(1−γ) = {n} steps',
    forever: 'γ = 1: nothing fades (linear attention)',
  },
  {
    figure: '即時圖：帶衰減 γ 的 RetNet',
    presets: { random: '隨機向量', 'single-write': '只寫一次，之後只讀' },
    memoryLength: '有效記憶長度 ≈ 1/(1−γ) = {n} 步',
    forever: 'γ = 1：什麼都不會淡去（即線性注意力）',
  },
);
