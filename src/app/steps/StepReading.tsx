// Step-linked reading: the chapter's prose after the figure, cut into its steps (parse.ts), beside the
// figure they drive. On a wide screen the figure stays in view beside the text; on a phone it sits
// inline above the passages. The reader moves through the steps by scrolling (the passage across the
// reading line is the active one), with the navigator's buttons, with J / K, or — in presenter mode —
// with a clicker's PageDown / PageUp. The active step is in the link (?step=n), so a lecturer can put
// a step on a slide. Until the reader starts the steps (or a link names one) the figure is the
// chapter's overview and shows everything, as before steps existed.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { carryHeld } from '../content/heldProse';
import { ProseHtml, useProseHtml } from '../content/Prose';
import { useRenderAfterTop, useSettled, useStaggered } from '../shell/pageSettle';
import { useClassroom } from '../classroom/context';
import { ownsKeys } from '../classroom/presenterKeys';
import { fill } from '../i18n';
import { useLocalized } from '../i18n/define';
import { integerIn } from '../state/schema';
import { useUrlParam } from '../state/UrlState';
import { ActiveStepContext, onStepKey } from './context';
import { resolveSteps, splitSections, splitSteps } from './parse';
import { stepStrings } from './steps.strings';
import './steps.css';

/** Most steps a chapter may have (the link's ?step is clamped to the chapter's own count once known). */
const MAX_STEPS = 99;
/** The reading line: the passage across this fraction of the window's height is the active one. */
const READING_LINE = 0.4;
/** From this width the figure stays beside the text (steps.css has the same number). */
const WIDE = '(min-width: 1100px)';

export interface StepReadingProps {
  contentId: string;
  /** Glossary buttons on the first use of each term (see useProseHtml). */
  glossary?: boolean;
  /** The live figure (and what belongs with it); it keeps one place in the tree whatever the layout. */
  figure: ReactNode;
}

export function StepReading({ contentId, glossary, figure }: StepReadingProps) {
  // Fetched once the page's top is painted, beside the figure's code: the top does not wait for it, nor
  // for the fonts its formulas would start loading while laid out unseen (pageSettle.tsx's useFontsIn).
  const { html, error } = useProseHtml(contentId, 'after', glossary, useRenderAfterTop());
  useSettled('prose-after', html !== null || error !== null);
  // A held passage (an exercise's answer) may run across several sections and steps: each part holds it too.
  const split = useMemo(() => {
    const cut = splitSteps(html ?? '');
    // The prose before and after the steps, a section at a time: each laid out in one task, chapter 9's
    // intro was 900 elements, chapter 4's outro 1,300.
    const sections = (part: string) => (part.trim() ? splitSections(part) : []);
    const [intro, outro] = [sections(cut.intro), sections(cut.outro)];
    const parts = carryHeld([...intro, ...cut.steps.map((s) => s.html), ...outro]);
    return {
      ...cut,
      intro: parts.slice(0, intro.length),
      steps: cut.steps.map((s, i) => ({ ...s, html: parts[intro.length + i] })),
      outro: parts.slice(intro.length + cut.steps.length),
    };
  }, [html]);
  const steps = useMemo(() => resolveSteps(split.steps.map((s) => s.state)), [split]);
  const N = steps.length;
  const ui = useLocalized(stepStrings);
  const { presenting } = useClassroom();
  // 0: the overview (no step active). Read once from the link; clamped to N when the prose is in.
  const [linked, setLinked] = useUrlParam('step', integerIn({ min: 0, max: MAX_STEPS }), 0);
  const active = N === 0 ? 0 : Math.min(linked, N);
  const passages = useRef<(HTMLElement | null)[]>([]);
  /** Scrolling picks the step only after the reader scrolls by hand (not after a jump we made). */
  const followScroll = useRef(false);
  const activeRef = useRef(active);
  activeRef.current = active;

  // A link that names a step (a lecturer's slide) opens scrolled to it, as a move by key would.
  const pendingScroll = useRef(linked > 0);
  const figureBox = useRef<HTMLDivElement>(null);
  const reduced = typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  const goTo = useCallback(
    (n: number, { scroll = true }: { scroll?: boolean } = {}) => {
      if (N === 0) return;
      const next = Math.max(1, Math.min(N, n));
      setLinked(next);
      if (!scroll) return;
      followScroll.current = false;
      pendingScroll.current = true;
    },
    [N, setLinked],
  );

  // After a move by button or key: on a wide screen the passage comes into view, and the figure column
  // beside it scrolls (inside itself) to the part the steps drive when that is out of its view (chapter 8
  // has its story and question above it); on a narrow one the figure has moved above the passage, so
  // the driven part's top comes into view.
  useEffect(() => {
    if (!pendingScroll.current || active === 0) return;
    pendingScroll.current = false;
    const wide = window.matchMedia?.(WIDE).matches ?? true;
    const behavior = reduced ? 'auto' : 'smooth';
    const box = figureBox.current;
    // The part the step names (part=…), else the figure that follows the steps.
    const part = steps[active - 1]?.part;
    const driven = (part ? box?.querySelector<HTMLElement>(`[data-step-part="${part}"]`) : null) ?? box?.querySelector<HTMLElement>('[data-reading-step]') ?? box;
    if (!wide) {
      driven?.scrollIntoView({ block: 'start', behavior });
      return;
    }
    const passage = passages.current[active - 1];
    const reading = box?.parentElement;
    if (passage && reading) window.scrollBy({ top: wideScroll(passage, reading), behavior });
    if (box && driven && box.scrollHeight > box.clientHeight) {
      // The driven figure's top belongs in the column's upper half.
      const top = driven.getBoundingClientRect().top - box.getBoundingClientRect().top;
      if (top < 0 || top > box.clientHeight / 2) box.scrollTo({ top: box.scrollTop + top, behavior });
    }
  }, [active, reduced, steps]);

  // A link's ?step beyond the chapter's steps: the last step, and the link says so.
  useEffect(() => {
    if (N > 0 && linked > N) setLinked(N);
  }, [N, linked, setLinked]);

  // Scrolling by hand: the passage across the reading line becomes the step.
  useEffect(() => {
    if (N === 0) return;
    const engage = () => (followScroll.current = true);
    const onKey = (e: KeyboardEvent) => {
      // Only a key that scrolls the page: one a figure or a field took (defaultPrevented) does not.
      if (['PageDown', 'PageUp', 'ArrowDown', 'ArrowUp', ' ', 'Home', 'End'].includes(e.key) && !e.defaultPrevented && !ownsKeys(e.target)) engage();
    };
    let frame = 0;
    const onScroll = () => {
      if (!followScroll.current || frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const line = window.innerHeight * READING_LINE;
        const i = passages.current.findIndex((el) => {
          if (!el) return false;
          const r = el.getBoundingClientRect();
          return r.top <= line && r.bottom > line;
        });
        if (i >= 0 && i + 1 !== activeRef.current) setLinked(i + 1);
      });
    };
    window.addEventListener('wheel', engage, { passive: true });
    window.addEventListener('touchmove', engage, { passive: true });
    window.addEventListener('keydown', onKey);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('wheel', engage);
      window.removeEventListener('touchmove', engage);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [N, setLinked]);

  // J / K anywhere on the page (not in a field): next / previous step.
  useEffect(() => {
    if (N === 0) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented || ownsKeys(e.target)) return;
      if (e.key !== 'j' && e.key !== 'k') return;
      e.preventDefault();
      goTo(activeRef.current + (e.key === 'j' ? 1 : -1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [N, goTo]);

  // Presenter mode's clicker: once the steps have started, PageDown / PageUp move through them; past
  // either end (or in the overview) they change chapter as always.
  useEffect(
    () =>
      onStepKey((delta) => {
        const n = activeRef.current;
        if (N === 0 || n === 0 || n + delta < 1 || n + delta > N) return false;
        goTo(n + delta);
        return true;
      }),
    [N, goTo],
  );

  // The intro's sections, the passages, then the sections after them are laid out one a frame as the
  // page loads (pageSettle.tsx); the intro and the passages up to a linked step at once.
  const I = split.intro.length;
  // Each of those laid out a few blocks a frame too (ProseHtml's stagger), but not the prose above a
  // linked part: the page scrolls to that part's passage, and what is above it must not grow after.
  const [linkedAtLoad] = useState(linked);
  const shownParts = useStaggered(I + N + split.outro.length, active > 0 ? I + active : 1);
  const shownSteps = Math.min(Math.max(0, shownParts - I), N);
  const current = active > 0 ? steps[active - 1] : null;
  const passage = active > 0 ? split.steps[active - 1] : null;
  const hasSteps = N > 0;
  return (
    <ActiveStepContext.Provider value={current}>
      <div className={hasSteps ? 'step-reading has-steps' : 'step-reading'} data-testid={hasSteps ? 'step-reading' : undefined} data-active-step={active}>
        {/* On a narrow screen the passages and the figure are one column, and the figure's order puts
            it right above the active passage (CSS order only: it is never remounted). */}
        <div className="step-figure" ref={figureBox} style={hasSteps ? { order: active > 0 ? 2 * active - 1 : 1 } : undefined}>
          {figure}
          {hasSteps && presenting && (
            // Below the fold in presenter mode: the hall sees the figure, the lecturer scrolls to the words.
            <section className="speaker-notes" aria-label={ui.notes} data-testid="speaker-notes">
              <StepNavigator n={active} N={N} onGo={goTo} />
              {passage && <ProseHtml html={passage.html} />}
              <h2>{ui.notes}</h2>
              <p data-testid="speaker-notes-text">{passage?.notes ?? ''}</p>
            </section>
          )}
        </div>
        <div className="step-passages">
          {error && <p role="alert">{error}</p>}
          {I > 0 && (
            <div className="step-intro">
              {split.intro.slice(0, shownParts).map((section, i) => (
                <ProseHtml key={i} html={section} stagger={linkedAtLoad === 0} />
              ))}
            </div>
          )}
          {hasSteps && !presenting && <StepNavigator n={active} N={N} onGo={goTo} />}
          {split.steps.slice(0, shownSteps).map((s, i) => (
            <section
              key={i}
              ref={(el) => {
                passages.current[i] = el;
              }}
              className={i + 1 === active ? 'step-passage active' : 'step-passage'}
              style={{ order: 2 * (i + 1) }}
              data-testid="step-passage"
              data-step-index={i + 1}
              aria-current={i + 1 === active ? 'step' : undefined}
              aria-label={fill(ui.stepOf, { n: String(i + 1), N: String(N) })}
            >
              <ProseHtml html={s.html} stagger={i + 1 >= linkedAtLoad} />
            </section>
          ))}
        </div>
      </div>
      {split.outro.slice(0, Math.max(0, shownParts - I - N)).map((section, i) => (
        // A box of its own: like a passage, skipped while far from the screen (steps.css).
        <div key={i} className="step-after">
          <ProseHtml html={section} stagger />
        </div>
      ))}
    </ActiveStepContext.Provider>
  );
}

/**
 * How far to scroll the page on a wide screen so the active passage is in view (below the sticky
 * navigator) and, while the reading has not reached the top of the window, the figure column beside it
 * is too: with only the passage in view ("nearest"), an early step left the figure's top half-way down
 * the screen and only its first controls showed (chapter 1's sentence picker, not its LSTM).
 */
function wideScroll(passage: HTMLElement, reading: HTMLElement): number {
  const p = passage.getBoundingClientRect();
  const margin = parseFloat(getComputedStyle(passage).scrollMarginTop) || 0;
  let delta = 0;
  if (p.top < margin) delta = p.top - margin;
  else if (p.bottom > window.innerHeight) delta = Math.min(p.bottom - window.innerHeight, p.top - margin);
  const columnTop = reading.getBoundingClientRect().top;
  if (columnTop - delta > 0) delta = Math.max(delta, Math.min(columnTop, p.top - margin));
  return delta;
}

/** "Part n of N" with previous / next; in the overview, one button starts the steps. */
function StepNavigator({ n, N, onGo }: { n: number; N: number; onGo: (n: number) => void }) {
  const ui = useLocalized(stepStrings);
  const { presenting } = useClassroom();
  return (
    <nav className={n === 0 ? 'step-nav overview' : 'step-nav'} aria-label={ui.nav} data-testid="step-nav">
      {n === 0 ? (
        <>
          <p className="muted">{ui.overview}</p>
          <button type="button" onClick={() => onGo(1)} data-testid="step-start">
            {ui.start}
          </button>
        </>
      ) : (
        <>
          {/* On a phone the buttons keep only their arrows (the name stays in aria-label), so the bar is one line. */}
          <button type="button" className="step-btn" onClick={() => onGo(n - 1)} disabled={n <= 1} aria-label={ui.previous} title={ui.previous} aria-keyshortcuts="K" data-testid="step-prev">
            <span aria-hidden="true">←</span>
            <span className="step-btn-text" aria-hidden="true">
              {' '}
              {ui.previous}
            </span>
          </button>
          <span className="step-count" aria-live="polite" data-testid="step-count" data-step={n}>
            {fill(ui.stepOf, { n: String(n), N: String(N) })}
          </span>
          <button type="button" className="step-btn" onClick={() => onGo(n + 1)} disabled={n >= N} aria-label={ui.next} title={ui.next} aria-keyshortcuts="J" data-testid="step-next">
            <span className="step-btn-text" aria-hidden="true">
              {ui.next}{' '}
            </span>
            <span aria-hidden="true">→</span>
          </button>
        </>
      )}
      <span className="muted step-keys">{presenting ? ui.presenterKeys : ui.keys}</span>
    </nav>
  );
}
