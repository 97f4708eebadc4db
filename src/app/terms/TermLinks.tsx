// Formula ↔ figure highlighting: pointing at, focusing or tapping a marked term of a formula
// (\term{…}{…} in content/, see katex.ts) lights up the figure parts it names (vocabulary.ts), and
// pointing at or focusing a figure part lights up its terms in the formulas. One wrapper around a
// chapter holds which terms are linked now, for the prose and the figure alike, and lets the figure
// read it (useLinkedTerms: the memory figure holds the beat that draws the term).
//
// The prose is HTML set by SafeHtml and the figure redraws itself, so the wrapper works on the DOM:
// one pass (again whenever nodes come or go) makes the terms focusable buttons and the figure parts
// reachable by Tab, and one pass sets data-term-active on whatever is linked.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { fill } from '../i18n';
import { useLocalized } from '../i18n/define';
import { LinkedTermsContext } from './context';
import { termStrings } from './terms.strings';
import { ACTIVE_ATTR, FIGURE_PARTS, TERMS, TERM_ATTR, isTerm, termsOfFigureElement, type Term } from './vocabulary';
import './terms.css';
import { listenAll } from '../hooks/listen';


/** The attribute that marks a figure part as one a term names (its value: the terms, space-separated). */
const PART_ATTR = 'data-term-part';
const FORMULA_TERM = `[${TERM_ATTR}]`;

type Words = (typeof termStrings)['en'];

/** The terms an element stands for: a formula term, or a figure part (or something inside one). */
function termsAt(target: EventTarget | null): Term[] {
  if (!(target instanceof Element)) return [];
  const formula = target.closest(FORMULA_TERM)?.getAttribute(TERM_ATTR);
  if (formula) return isTerm(formula) ? [formula] : [];
  return target.closest(`[${PART_ATTR}]`) ? termsOfFigureElement(target) : [];
}

const same = (a: readonly Term[] | null, b: readonly Term[]) => !!a && a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * A formula with terms: KaTeX hides its drawn glyphs from screen readers (they read the MathML copy).
 * Only the glyphs around the terms stay hidden, so each term is a named button a reader can reach.
 */
function exposeTerms(el: Element): void {
  for (const child of Array.from(el.children)) {
    if (child.matches(FORMULA_TERM)) continue;
    if (child.querySelector(FORMULA_TERM)) exposeTerms(child);
    else child.setAttribute('aria-hidden', 'true');
  }
}

function prepare(root: HTMLElement, ui: Words): void {
  for (const drawn of Array.from(root.querySelectorAll('.katex-html[aria-hidden="true"]'))) {
    if (!drawn.querySelector(FORMULA_TERM)) continue;
    drawn.removeAttribute('aria-hidden');
    exposeTerms(drawn);
  }
  for (const term of Array.from(root.querySelectorAll<HTMLElement>(FORMULA_TERM))) {
    const name = term.getAttribute(TERM_ATTR);
    if (!name || !isTerm(name) || term.hasAttribute('role')) continue;
    term.tabIndex = 0;
    term.setAttribute('role', 'button');
    term.setAttribute('aria-label', ui.names[name]);
    term.setAttribute('aria-pressed', 'false');
  }
  // Only figures on a page whose prose links to them: their parts get a place in the Tab order.
  if (!root.querySelector(FORMULA_TERM)) return;
  for (const t of TERMS) {
    for (const part of Array.from(root.querySelectorAll<HTMLElement>(FIGURE_PARTS[t]))) {
      if (part.closest(FORMULA_TERM)) continue;
      const names = new Set((part.getAttribute(PART_ATTR) ?? '').split(' ').filter(isTerm));
      if (!names.has(t)) part.setAttribute(PART_ATTR, [...names, t].join(' '));
      if (!part.hasAttribute('tabindex')) part.tabIndex = 0;
    }
  }
}

/**
 * Where the figure stays in view beside the text (steps.css), it scrolls on its own: bring the first
 * linked part into that view, without moving the page (the reader's place in the text stays put).
 * Where the figure is inline (a phone), a term the reader pinned (a tap) may light a part off the
 * screen: then the page brings it to the nearest edge (not on hover: the term would slide from under
 * the pointer). Returns whether there was a part to show.
 */
function showPart(root: HTMLElement, movePage: boolean): boolean {
  const part = root.querySelector(`[${PART_ATTR}][${ACTIVE_ATTR}]`);
  if (!part) return false;
  const r = part.getBoundingClientRect();
  const box = part.closest<HTMLElement>('.step-figure');
  if (!box || box.scrollHeight <= box.clientHeight || getComputedStyle(box).overflowY !== 'auto') {
    const offScreen = r.height > 0 && (r.top < 0 || r.bottom > window.innerHeight);
    if (movePage && offScreen) part.scrollIntoView({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
    return true;
  }
  const b = box.getBoundingClientRect();
  if (r.top < b.top || r.bottom > b.bottom) box.scrollTop += r.top - b.top - Math.max(0, (b.height - r.height) / 2);
  return true;
}

const reducedMotion = () => !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

/** Whether the figure draws a term now. */
const onShow = (root: HTMLElement, t: Term) => Array.from(root.querySelectorAll(FIGURE_PARTS[t])).some((p) => !p.closest(FORMULA_TERM));

/** Whether anything is lit or pressed now (else, with nothing linked, a paint would change nothing). */
const painted = (root: HTMLElement) => root.querySelector(`[${ACTIVE_ATTR}], [${TERM_ATTR}][aria-pressed="true"]`) !== null;

function paint(root: HTMLElement, terms: readonly Term[], pinned: readonly Term[] | null): void {
  for (const el of Array.from(root.querySelectorAll(`[${ACTIVE_ATTR}]`))) el.removeAttribute(ACTIVE_ATTR);
  // The first term wins where one element is named by two (the weights carry both A and D).
  for (const t of [...terms].reverse()) {
    for (const el of Array.from(root.querySelectorAll(`[${TERM_ATTR}="${t}"], ${FIGURE_PARTS[t]}`))) el.setAttribute(ACTIVE_ATTR, t);
  }
  for (const el of Array.from(root.querySelectorAll(`[${TERM_ATTR}][role]`))) {
    const t = el.getAttribute(TERM_ATTR);
    el.setAttribute('aria-pressed', String(!!pinned && isTerm(t ?? '') && pinned.includes(t as Term)));
  }
}

export function TermLinks({ children }: { children: ReactNode }) {
  const ui = useLocalized(termStrings);
  const root = useRef<HTMLDivElement>(null);
  // Three ways in: the pointer (mouse or pen), the keyboard's focus, and a tap or click that pins.
  const [hover, setHover] = useState<Term[] | null>(null);
  const [focus, setFocus] = useState<Term[] | null>(null);
  const [pinned, setPinned] = useState<Term[] | null>(null);
  const terms = useMemo(() => hover ?? pinned ?? focus ?? [], [hover, pinned, focus]);
  // What a screen reader hears when the keyboard or a tap links a term (pointing alone stays quiet).
  const spoken = hover ? null : (pinned ?? focus);
  const [message, setMessage] = useState('');
  const state = useRef({ terms, pinned, spoken, ui });
  /** A term linked from a formula: its figure part still to be scrolled into the figure's view. */
  const reveal = useRef(false);
  state.current = { terms, pinned, spoken, ui };

  const refresh = useCallback(() => {
    const el = root.current;
    if (!el) return;
    const { terms: linked, pinned: pin, spoken: said, ui: words } = state.current;
    prepare(el, words);
    if (linked.length > 0 || painted(el)) paint(el, linked, pin);
    if (reveal.current && linked.length > 0) reveal.current = !showPart(el, pin !== null && same(pin, linked));
    // Said once the figure has drawn what the term asks for (it may first move to a step or a beat).
    if (said && said.length > 0) setMessage(said.map((t) => fill(onShow(el, t) ? words.announce : words.notShown, { name: words.names[t], figure: words.figure[t] })).join(' '));
  }, []);

  // The prose arrives late and the figure redraws: prepare and paint again whenever nodes change.
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    refresh();
    let frame = 0;
    const observer = new MutationObserver(() => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), refresh()));
      // Paint now as well, so a redrawn part never shows a frame without its highlight (with nothing
      // linked there is nothing to paint: playback redraws many times a second).
      if (state.current.terms.length > 0) paint(el, state.current.terms, state.current.pinned);
    });
    observer.observe(el, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [refresh]);

  useEffect(() => {
    const el = root.current;
    if (el) paint(el, terms, pinned);
    const frame = requestAnimationFrame(refresh);
    return () => cancelAnimationFrame(frame);
  }, [terms, pinned, spoken, ui, refresh]);

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const fromFormula = (target: EventTarget | null) => {
      reveal.current = target instanceof Element && target.closest(FORMULA_TERM) !== null;
    };
    // Where the pointer was when it linked a term. A linked term may move the figure (a step, a beat)
    // and so the page under a pointer that has not moved: the browser then reports the pointer over
    // something else, at the same place. That is not the reader moving away, or the two would chase
    // each other; the link holds until the pointer really moves.
    let linkedAt: { x: number; y: number } | null = null;
    const moved = (e: PointerEvent) => !linkedAt || e.clientX !== linkedAt.x || e.clientY !== linkedAt.y;
    const onOver = (e: PointerEvent) => {
      if (e.pointerType === 'touch') return;
      const t = termsAt(e.target);
      if (t.length === 0 && !moved(e)) return;
      linkedAt = t.length > 0 ? { x: e.clientX, y: e.clientY } : null;
      if (t.length > 0) fromFormula(e.target);
      setHover((h) => (t.length === 0 ? null : same(h, t) ? h : t));
    };
    const onLeave = (e: PointerEvent) => {
      if (!moved(e)) return;
      linkedAt = null;
      setHover(null);
    };
    const onFocusIn = (e: FocusEvent) => {
      const t = termsAt(e.target);
      if (t.length > 0) fromFormula(e.target);
      setFocus((f) => (t.length === 0 ? null : same(f, t) ? f : t));
    };
    const onFocusOut = (e: FocusEvent) => {
      if (!(e.relatedTarget instanceof Node) || !el.contains(e.relatedTarget)) setFocus(null);
    };
    const toggle = (t: Term[]) => {
      const off = same(state.current.pinned, t);
      setPinned(off ? null : t);
      // Tapping a pinned term again clears it, though the term keeps the focus the tap gave it.
      if (off) setFocus(null);
    };
    const onClick = (e: MouseEvent) => {
      const t = termsAt(e.target);
      if (t.length > 0) fromFormula(e.target);
      if (t.length === 0) setPinned(null);
      else if ((e.target as Element).closest(FORMULA_TERM) || (e as PointerEvent).pointerType === 'touch') toggle(t);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setPinned(null);
        setHover(null);
        return;
      }
      if ((e.key === 'Enter' || e.key === ' ') && e.target instanceof Element && e.target.matches(`${FORMULA_TERM}[role]`)) {
        e.preventDefault();
        toggle(termsAt(e.target));
      }
    };
    const unlistenChapter = listenAll(el, [
      ['pointerover', onOver],
      ['pointerleave', onLeave],
      ['focusin', onFocusIn],
      ['focusout', onFocusOut],
      ['keydown', onKey],
    ] as Array<[string, EventListener]>);
    // Anywhere on the page: a tap outside the chapter clears a pinned term too.
    const unlistenPage = listenAll(document, [['click', onClick as EventListener]]);
    return () => {
      unlistenChapter();
      unlistenPage();
    };
  }, []);

  return (
    <LinkedTermsContext.Provider value={terms}>
      <div ref={root} className="term-links" data-testid="term-links" data-linked-terms={terms.join(' ')}>
        {children}
        <p className="visually-hidden" aria-live="polite" data-testid="term-announce">
          {message}
        </p>
      </div>
    </LinkedTermsContext.Provider>
  );
}
