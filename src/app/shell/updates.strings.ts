// The new-version banner's words, both languages.
import { defineStrings } from '../i18n/define';

export const updateStrings = defineStrings(
  {
    ready: 'A new version of the course is ready.',
    reload: 'Reload',
  },
  {
    ready: '課程已有新版本。',
    reload: '重新載入',
  },
);
