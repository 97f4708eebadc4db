// The contents, behind one button in the header: on a phone the header is a single bar (styles.css
// hides the button on wider screens, where the header has room). The list closes when a link is
// followed, on Escape (focus goes back to the button) and on a click outside it.
import { useEffect, useId, useRef, useState } from 'react';
import { Contents } from './Contents';
import type { Route } from '../routes';
import { siteStrings } from './site.strings';
import { useLocalized } from '../i18n/define';

export function SiteMenu({ route }: { route: Route }) {
  const site = useLocalized(siteStrings);
  const [open, setOpen] = useState(false);
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [route]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  const current = route.page === 'chapter' ? route.slug : route.page === 'playground' || route.page === 'train' ? route.page : undefined;
  return (
    <div className="site-menu" ref={box}>
      <button
        ref={button}
        type="button"
        className="site-menu-button"
        aria-expanded={open}
        aria-controls={id}
        data-testid="site-menu-button"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">☰</span> {site.nav.contents}
      </button>
      <div id={id} className="site-menu-panel" hidden={!open} data-testid="site-menu">
        {open && <Contents current={current} />}
      </div>
    </div>
  );
}
