// An import or typed-input problem as one sentence in the page's language.
import { fill } from '../i18n';
import { errorText } from './errorText';
import type { ImportProblem } from './importFile';
import type { playgroundStrings } from './playground.strings';

type Ui = (typeof playgroundStrings)['en'];

const sizeText = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

export function problemText(problem: ImportProblem, ui: Ui): string {
  switch (problem.code) {
    case 'too-large':
      return fill(ui.import.tooLarge, { size: sizeText(problem.bytes) });
    case 'empty':
      return ui.import.empty;
    case 'not-json':
      return fill(ui.import.notJson, { detail: problem.detail });
    case 'limits':
      return fill(ui.import.limits, { T: String(problem.T), dk: String(problem.dk), dv: String(problem.dv) });
    case 'invalid':
      return errorText(problem.error, ui.errors);
  }
}
