// A preset's input plus the learner's edited q/k/v rows, kept in the link as `edit=`: chapters 2 and
// 5 share this instead of each wiring the schema, the diff and the reset.
import { useMemo } from 'react';
import { applyEdits, diffEdits, type StepRows } from './edits';
import { rowEdits, type RowEdit } from './schema';
import { useUrlParam } from './UrlState';

const NO_EDITS: RowEdit[] = [];

export function useEditedInput<C extends StepRows>(base: C) {
  const schema = rowEdits({ T: base.q.length, d: { q: base.q[0].length, k: base.k[0].length, v: base.v[0].length } });
  const [edits, setEdits] = useUrlParam('edit', schema, NO_EDITS);
  const input = useMemo(() => applyEdits(base, edits), [base, edits]);
  return {
    input,
    /** Take an edited input; only the rows that differ from the preset go into the link. */
    setInput: (next: StepRows) => setEdits(diffEdits(base, next)),
    clearEdits: () => setEdits(NO_EDITS),
  };
}
