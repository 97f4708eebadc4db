import { defineStrings } from '../i18n/define';

export const glossaryStrings = defineStrings(
  {
    seeEntry: 'See the glossary',
    entryLink: 'Link to this entry',
    loading: 'Loading the glossary…',
    missing: 'There is no term “{term}” in the glossary; here are all of them.',
  },
  {
    seeEntry: '查看詞彙表',
    entryLink: '這個詞條的連結',
    loading: '正在載入詞彙表…',
    missing: '詞彙表裡沒有「{term}」這個詞；以下列出所有詞條。',
  },
);
