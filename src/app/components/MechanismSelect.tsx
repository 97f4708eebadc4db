// A labelled menu of mechanisms, named in the page's language (src/app/mechanismStrings.ts): the one
// way a figure lets the learner pick which memory rule to look at.
import type { Mechanism } from '../../core/cases';
import { useStrings } from '../i18n';
import { mechanismWord } from '../mechanismStrings';

export function MechanismSelect<M extends Mechanism>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: M;
  options: readonly M[];
  onChange: (m: M) => void;
  testId: string;
}) {
  const names = mechanismWord(useStrings().lang, 'name');
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as M)} data-testid={testId}>
        {options.map((m) => (
          <option key={m} value={m}>
            {names[m]}
          </option>
        ))}
      </select>
    </label>
  );
}
