// The popover behind each glossary term in a chapter's prose (the buttons come from markTerms). One
// controller listens on the document: a term opens on mouse hover, on keyboard focus and on a tap
// or click (which pins it open; a second one closes it). Escape, a tap outside or leaving it with
// the mouse closes it. The popover is placed right after its term in the DOM, so Tab goes from the
// term into its "see the glossary" link, and it is kept inside the viewport (fixed, clamped).
import { SafeHtml } from '../../viz/safeHtml';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useStrings } from '../i18n';
import { useLocalized } from '../i18n/define';
import { routeHref } from '../routes';
import { glossaryStrings } from './glossary.strings';
import { useGlossary } from './useGlossary';
import './glossary.css';
import { listenAll } from '../hooks/listen';
import { useRenderAfterTop } from '../shell/pageSettle';

const TERM = 'button.gloss-term';
/** Time to move the mouse from a term into its popover before it closes. */
const LEAVE_DELAY_MS = 300;
/** Space kept between the popover and the viewport's edges and its term (px). */
const MARGIN = 8;

type OpenedBy = 'hover' | 'focus' | 'click';
interface Open {
  button: HTMLButtonElement;
  key: string;
  by: OpenedBy;
  host: HTMLElement;
}

function termOf(target: EventTarget | null): HTMLButtonElement | null {
  return target instanceof Element ? target.closest<HTMLButtonElement>(TERM) : null;
}

export function GlossaryTerms() {
  const { lang } = useStrings();
  const ui = useLocalized(glossaryStrings);
  // The table (~46 kB a language) is fetched once the page's top is painted: a popover needs it, the
  // first paint does not (the prose's term buttons were marked at build time).
  const { glossary } = useGlossary(lang, useRenderAfterTop());
  const id = useId();
  const [open, setOpen] = useState<Open | null>(null);
  const current = useRef<Open | null>(null);
  const leaveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const popover = useRef<HTMLSpanElement>(null);
  /** A term given focus back after Escape: that focus must not reopen it. */
  const refocused = useRef<HTMLButtonElement | null>(null);

  const cancelLeave = () => {
    if (leaveTimer.current !== null) clearTimeout(leaveTimer.current);
    leaveTimer.current = null;
  };

  const close = useCallback(() => {
    const was = current.current;
    if (!was) return;
    was.button.setAttribute('aria-expanded', 'false');
    was.button.removeAttribute('aria-describedby');
    was.button.removeAttribute('aria-controls');
    was.host.remove();
    current.current = null;
    setOpen(null);
  }, []);

  const show = useCallback(
    (button: HTMLButtonElement, by: OpenedBy) => {
      cancelLeave();
      const was = current.current;
      if (was?.button === button) {
        if (was.by !== by && by !== 'hover') {
          current.current = { ...was, by };
          setOpen(current.current);
        }
        return;
      }
      close();
      const key = button.dataset.term ?? '';
      // A <span> host keeps the popover valid inside a paragraph and next to its term for Tab.
      const host = document.createElement('span');
      host.className = 'gloss-host';
      button.after(host);
      button.setAttribute('aria-expanded', 'true');
      button.setAttribute('aria-describedby', id);
      button.setAttribute('aria-controls', id);
      current.current = { button, key, by, host };
      setOpen(current.current);
    },
    [close, id],
  );

  useEffect(() => {
    const inside = (target: EventTarget | null) => {
      const was = current.current;
      return !!was && target instanceof Node && (was.button.contains(target) || was.host.contains(target));
    };
    const onOver = (e: PointerEvent) => {
      if (e.pointerType !== 'mouse') return;
      const button = termOf(e.target);
      if (button) show(button, 'hover');
      else if (inside(e.target)) cancelLeave();
    };
    const onOut = (e: PointerEvent) => {
      if (e.pointerType !== 'mouse' || current.current?.by !== 'hover') return;
      if (!inside(e.target) || inside(e.relatedTarget)) return;
      cancelLeave();
      leaveTimer.current = setTimeout(close, LEAVE_DELAY_MS);
    };
    const onClick = (e: MouseEvent) => {
      const button = termOf(e.target);
      if (!button) return;
      if (current.current?.button === button && current.current.by === 'click') close();
      else show(button, 'click');
    };
    const onFocusIn = (e: FocusEvent) => {
      const button = termOf(e.target);
      const quiet = refocused.current;
      refocused.current = null;
      if (button && button === quiet) return;
      if (button) show(button, 'focus');
      else if (!inside(e.target)) close();
    };
    const onPointerDown = (e: PointerEvent) => {
      if (current.current && !inside(e.target) && !termOf(e.target)) close();
    };
    const onKey = (e: KeyboardEvent) => {
      const was = current.current;
      if (e.key !== 'Escape' || !was) return;
      const focusWasInside = inside(document.activeElement);
      close();
      if (focusWasInside && document.activeElement !== was.button) {
        refocused.current = was.button;
        was.button.focus({ preventScroll: true });
      }
      // The term keeps focus but stays closed until the learner asks again.
      e.stopPropagation();
    };
    const listeners = [
      ['pointerover', onOver],
      ['pointerout', onOut],
      ['click', onClick],
      ['focusin', onFocusIn],
      ['pointerdown', onPointerDown],
      ['keydown', onKey],
    ] as Array<[string, EventListener]>;
    const unlisten = listenAll(document, listeners);
    return () => {
      unlisten();
      cancelLeave();
      close();
    };
  }, [show, close]);

  // A change of language re-renders the prose: the old terms are gone.
  useEffect(() => close, [lang, close]);

  // Keep the popover under (or, without room, above) its term and inside the viewport.
  const place = useCallback(() => {
    const was = current.current;
    const el = popover.current;
    if (!was || !el) return;
    if (!was.button.isConnected) return close();
    // Fixed boxes sit in the layout viewport; a phone shows only the visual one (zoom, wide pages).
    const view = window.visualViewport;
    const vx = view?.offsetLeft ?? 0;
    const vy = view?.offsetTop ?? 0;
    const width = view?.width ?? document.documentElement.clientWidth;
    const height = view?.height ?? window.innerHeight;
    el.style.setProperty('--gloss-room', `${Math.floor(width - 2 * MARGIN)}px`);
    const term = was.button.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const left = Math.max(vx + MARGIN, Math.min(term.left, vx + width - box.width - MARGIN));
    const below = term.bottom + MARGIN / 2;
    const fitsBelow = below + box.height <= vy + height - MARGIN;
    const above = term.top - box.height - MARGIN / 2;
    const top = fitsBelow || above < vy + MARGIN ? below : above;
    el.style.left = `${Math.round(left)}px`;
    el.style.top = `${Math.round(top)}px`;
  }, [close]);

  useLayoutEffect(() => {
    if (!open) return;
    place();
    window.addEventListener('scroll', place, { passive: true });
    window.addEventListener('resize', place);
    window.visualViewport?.addEventListener('resize', place);
    window.visualViewport?.addEventListener('scroll', place);
    return () => {
      window.removeEventListener('scroll', place);
      window.removeEventListener('resize', place);
      window.visualViewport?.removeEventListener('resize', place);
      window.visualViewport?.removeEventListener('scroll', place);
    };
  }, [open, glossary, place]);

  if (!open) return null;
  const entry = glossary?.entries.find((e) => e.key === open.key);
  return createPortal(
    <span ref={popover} id={id} className="gloss-pop" data-testid="gloss-pop" data-term={open.key}>
      {entry ? (
        <>
          <SafeHtml as="span" className="gloss-pop-term" html={entry.termHtml} />
          <SafeHtml as="span" className="gloss-pop-meaning" html={entry.meaningHtml} />
        </>
      ) : (
        <span className="gloss-pop-meaning">{ui.loading}</span>
      )}
      <a className="gloss-pop-link" href={routeHref({ page: 'glossary', term: open.key })}>
        {ui.seeEntry} →
      </a>
    </span>,
    open.host,
  );
}
