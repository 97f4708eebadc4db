// A link that opens a memory's numbers in the playground (?case=…, as the playground writes its own
// links), for the lab's probe and the trained panels; null while it is made or when the case is too
// large for a link.
import { useEffect, useState } from 'react';
import type { Case } from '../../core/cases';
import { routeHref } from '../routes';
import { encodeCase } from './caseLink';

export function usePlaygroundLink(c: Case | null): string | null {
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    setHref(null);
    if (!c) return;
    let live = true;
    encodeCase(c).then(
      (r) => live && 'text' in r && setHref(`?case=${r.text}${routeHref({ page: 'playground' })}`),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [c]);
  return href;
}
