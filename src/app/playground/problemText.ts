// An import or typed-input problem as one sentence in the page's language.
import { LIMITS, megabytes } from '../../core/limits';
import { fill } from '../i18n';
import { errorText } from './errorText';
import type { ImportProblem } from './importFile';
import type { playgroundStrings } from './playground.strings';

type Ui = (typeof playgroundStrings)['en'];

export function problemText(problem: ImportProblem, ui: Ui): string {
  switch (problem.code) {
    case 'too-large':
      return fill(ui.import.tooLarge, { size: megabytes(problem.bytes), max: megabytes(LIMITS.maxImportBytes) });
    case 'empty':
      return ui.import.empty;
    case 'not-json':
      return fill(ui.import.notJson, { detail: problem.detail });
    case 'invalid':
      return errorText(problem.error, ui.errors);
  }
}
