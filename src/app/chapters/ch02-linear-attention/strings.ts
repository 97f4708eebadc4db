// Chapter 2’s own words (linear attention), both languages.
import { defineStrings } from '../../i18n/define';

export const ch02Strings = defineStrings(
  {
    figure: 'Live figure: linear attention, parallel and recurrent',
    presets: { random: 'Random vectors', 'one-hot': 'One-hot keys (one column per slot)', repeat: 'The same key every step' },
    reseed: 'New random inputs',
  },
  {
    figure: '即時圖：線性注意力的平行與遞迴視角',
    presets: { random: '隨機向量', 'one-hot': 'one-hot key（每個槽位一欄）', repeat: '每一步都用同一個 key' },
    reseed: '換一組隨機輸入',
  },
);
