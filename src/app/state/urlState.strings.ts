// The words of the notice about link settings that could not be used as written, both languages.
import { defineStrings } from '../i18n/define';

export const urlStateStrings = defineStrings(
  {
    heading: 'Some settings in this link could not be used as written:',
    dismiss: 'Dismiss',
    unknownMany: '{n} settings in this link are not ones this site knows ({names}); they were ignored.',
    problems: {
      'not-a-number': '“{param}={text}” is not a number, so the default is used.',
      'out-of-range': '“{param}={text}” is outside {min} … {max}, so {value} is used.',
      'not-an-integer': '“{param}={text}” is not a whole number, so the default is used.',
      rounded: '“{param}={text}” was rounded to {value}.',
      'unknown-choice': '“{param}={text}” is not one of: {choices}. The default is used.',
      'unknown-item': '“{item}” in “{param}” is not one of: {choices}. It was ignored.',
      'wrong-length': '“{param}” needs {expected} numbers per vector, not {got}; the link’s vectors were ignored.',
      'wrong-count': '“{param}” needs {expected} vectors, not {got}; they were ignored.',
      'bad-entry': '“{param}” has a part that is not a list of numbers (“{item}”); it was ignored.',
      'bad-row': '“{param}” names step {item}, but the figure has steps 1 … {expected}; it was ignored.',
      'too-large': '“{param}” has a number beyond ±{max} (“{item}”); it was ignored.',
      'too-long': '“{param}” is longer than {max} characters; it was ignored.',
      'unknown-param': '“{param}” is not a setting this site knows; it was ignored.',
      'newer-version': 'This link was made by a newer version of the site (v={text}); its settings are read as version {value} where possible.',
      'unknown-version': '“v={text}” is not a link version this site knows; its settings are read as version {value}.',
    },
  },
  {
    heading: '這個連結裡有些設定無法照原樣使用：',
    dismiss: '關閉',
    unknownMany: '這個連結裡有 {n} 個本站不認得的設定（{names}），都已略過。',
    problems: {
      'not-a-number': '「{param}={text}」不是數字，因此改用預設值。',
      'out-of-range': '「{param}={text}」超出 {min} … {max} 的範圍，因此改用 {value}。',
      'not-an-integer': '「{param}={text}」不是整數，因此改用預設值。',
      rounded: '「{param}={text}」已四捨五入為 {value}。',
      'unknown-choice': '「{param}={text}」不是可選的項目（{choices}），因此改用預設值。',
      'unknown-item': '「{param}」裡的「{item}」不是可選的項目（{choices}），已略過。',
      'wrong-length': '「{param}」的每個向量需要 {expected} 個數字，而不是 {got} 個；已略過連結裡的向量。',
      'wrong-count': '「{param}」需要 {expected} 個向量，而不是 {got} 個；已略過。',
      'bad-entry': '「{param}」裡有一段不是一串數字（「{item}」），已略過。',
      'bad-row': '「{param}」指定了第 {item} 步，但這張圖只有第 1 … {expected} 步；已略過。',
      'too-large': '「{param}」裡有超過 ±{max} 的數字（「{item}」），已略過。',
      'too-long': '「{param}」超過 {max} 個字元，已略過。',
      'unknown-param': '本站不認得「{param}」這個設定，已略過。',
      'newer-version': '這個連結來自較新版本的網站（v={text}）；會盡量用第 {value} 版的格式讀取其中的設定。',
      'unknown-version': '本站不認得「v={text}」這個連結版本；會用第 {value} 版的格式讀取其中的設定。',
    },
  },
);
