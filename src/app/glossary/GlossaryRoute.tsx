// The glossary page (#/glossary), loaded on demand: it is the one page that sanitises the table's HTML
// as it renders, and its code need not be in the entry chunk every page waits for.
import { lazy } from 'react';
import { SettledRoute } from '../shell/pageSettle';

const GlossaryPage = lazy(() => import('./GlossaryPage').then((m) => ({ default: m.GlossaryPage })));

const GLOSSARY_ALSO = ['glossary-table'] as const;

export function GlossaryRoute({ term }: { term?: string }) {
  return (
    <SettledRoute part="glossary" also={GLOSSARY_ALSO}>
      <GlossaryPage term={term} />
    </SettledRoute>
  );
}
