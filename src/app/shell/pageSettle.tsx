// A chapter arrives in pieces: its prose (fetched markdown), then its figure's code (a lazy chunk).
// Painted as each came, the page jumped several times in its first second (Lighthouse measured a
// layout shift of about 1, the target is 0.02). The gate lays the page out from the start but keeps
// it unpainted until every piece has reported in and the fonts it laid out with have loaded, then
// shows it at once; a piece that never reports (a failed fetch shows its own error) holds it back for
// at most SETTLE_LIMIT_MS.
//
// Held back whole, a chapter's largest text waited for the figure's chunk too (Lighthouse mobile: LCP
// 4–6 s). So a gate has two stages: the `parts` at the top of the page (its title and first prose)
// paint as soon as they are in, and everything inside <SettleBelow> (the figure, the prose after it)
// and the footer wait for the `below` parts as well. Only hidden content moves when the figure comes
// in: what is painted sits above it and keeps its place. docs/page-loading.md tells the whole story.
import { PaintHoldContext, PaintTurnContext, useHoldPaint, type PaintTurns } from '../../viz/paintHold';
import { Children, Suspense, createContext, startTransition, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/** Long enough for a slow phone's prose and figure chunk, short enough that nobody waits on a stuck one. */
export const SETTLE_LIMIT_MS = 3000;
/**
 * On <html> while a gated page is still coming in: `top` while nothing is painted yet, `below` while the
 * part inside <SettleBelow> is not (styles.css hides what is waiting, and the footer). An attribute,
 * not a class: the root's classes are its theme (presenter mode), which figures' colours follow (src/viz/tokens.ts).
 */
export const SETTLING_ATTRIBUTE = 'data-settling';
/** On the <SettleBelow> wrapper while the lower stage is coming in: its contents are hidden. */
const SETTLING_BELOW_CLASS = 'page-settling-below';
/** On <html> when a gate showed its page at SETTLE_LIMIT_MS without some pieces: it names them. */
export const LATE_ATTRIBUTE = 'data-settle-late';

/** Whether a gated page (or its figure below the top) is still unpainted: nothing hidden can take the focus yet. */
export function isPageSettling(): boolean {
  return document.documentElement.hasAttribute(SETTLING_ATTRIBUTE);
}

/** Runs `run` once no gated page is coming in: at once, or when the gate shows its page. Returns a cancel. */
export function whenPageSettled(run: () => void): () => void {
  if (!isPageSettling()) {
    run();
    return () => {};
  }
  const settling = new MutationObserver(() => {
    if (isPageSettling()) return;
    settling.disconnect();
    run();
  });
  settling.observe(document.documentElement, { attributes: true, attributeFilter: [SETTLING_ATTRIBUTE] });
  return () => settling.disconnect();
}

/** A gate's second stage: its contents, and the footer, wait for the gate's `below` parts. */
export function SettleBelow({ children }: { children: ReactNode }) {
  // A wrapper (display: contents), not a mark before the stage: a `.mark ~ *` rule hid the stage just as
  // well, but then every piece mounted into the stage made the browser restyle the whole chapter (1,000–
  // 1,800 elements a frame while chapter 4 came in), and as a class on <html> the rule restyled the
  // whole page when the stage came in.
  const waiting = !useContext(BelowShownContext);
  return <div className={waiting ? `settle-below ${SETTLING_BELOW_CLASS}` : 'settle-below'}>{children}</div>;
}

interface Gate {
  report: (part: string) => void;
  /** Holds the lower stage back until the returned release is called (src/viz/paintHold.ts). */
  hold: () => () => void;
}
const SettleContext = createContext<Gate | null>(null);
/** Whether the gate's top stage is painted (true outside a gate). */
const TopPaintedContext = createContext(true);
/** Whether the gate's lower stage is painted (true outside a gate). */
const BelowShownContext = createContext(true);
/**
 * Whether the page's top is painted: a figure waits for it before it renders, so the work of drawing
 * the figure (hidden until its stage is in) does not hold back the first paint of the text.
 */
export function useTopPainted(): boolean {
  return useContext(TopPaintedContext);
}

/**
 * For a part below the top (a figure, a trained model's panel): whether to render it yet. It turns
 * true once the top is painted, as a transition, which React renders in short slices (Lighthouse
 * mobile: the time the main thread is blocked) rather than in the task that paints the text.
 */
export function useRenderAfterTop(): boolean {
  const topPainted = useTopPainted();
  const [rendered, setRendered] = useState(topPainted);
  useEffect(() => {
    if (!topPainted || rendered) return;
    // From the frame after the top's: the part's code is then fetched after the largest text has painted
    // (Lighthouse counts what was fetched before that paint as on its path).
    return afterPaint(() => startTransition(() => setRendered(true)));
  }, [topPainted, rendered]);
  return rendered;
}

/**
 * A lazily loaded part below a page's top (the lab's figure, the playground's page): rendered once the
 * top is painted, and reported to the gate as `part` when its code is in.
 */
export function AfterTop({ part, children }: { part: string; children: ReactNode }) {
  if (!useRenderAfterTop()) return null;
  return (
    <Suspense fallback={null}>
      {children}
      <Settled part={part} />
    </Suspense>
  );
}

/**
 * How many of `total` pieces to render: `first` at once, then one more after each painted frame, the
 * page's lower stage held unpainted (src/viz/paintHold.ts) until all are in. Added in one commit, a
 * chapter's figure and the prose after it were laid out in one task of 75–100 ms (Lighthouse's trace,
 * unthrottled; four times that on its phone); a piece a frame, each task lays out one piece. Only while
 * the lower stage is unpainted: mounted later (a panel opened, a page without a gate), or where nothing
 * paints (a server render, a test's string), all at once, so that nothing shows half drawn.
 */
export function useStaggered(total: number, first = 1): number {
  const turns = useContext(PaintTurnContext);
  const unpainted = turns?.waiting() ?? false;
  const [shown, setShown] = useState(() => (unpainted ? 0 : total));
  // Once the stage is shown, all at once: pieces that come later (a language's longer prose) too.
  const count = unpainted ? Math.min(total, Math.max(shown, first, 1)) : total;
  useHoldPaint(count < total);
  useEffect(() => {
    if (count >= total || !turns) return;
    return turns.take(() => startTransition(() => setShown(count + 1)));
  }, [count, total, turns]);
  return count;
}

// The staggered parts of a page take turns, one piece after each painted frame whoever asks: each
// advancing on its own, a passage's next blocks and the next passage were laid out in one frame.
const turns: (() => void)[] = [];
let pending: (() => void) | null = null;

/** Run `then` at its turn (after a painted frame, one a frame, in the order asked); returns the cancel. */
export function takeTurn(then: () => void): () => void {
  turns.push(then);
  pending ??= afterPaint(nextTurn);
  return () => {
    const i = turns.indexOf(then);
    if (i >= 0) turns.splice(i, 1);
  };
}

function nextTurn(): void {
  pending = null;
  turns.shift()?.();
  if (turns.length > 0) pending = afterPaint(nextTurn);
}

/** Its children, one more per painted frame (useStaggered). */
export function Staggered({ children }: { children: ReactNode }) {
  const pieces = Children.toArray(children);
  return <>{pieces.slice(0, useStaggered(pieces.length))}</>;
}

/** Run `then` once the next frame has been painted; returns the cancel. */
function afterPaint(then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A task queued from an animation frame runs after that frame is painted.
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(then);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * True from just after the first frame the component was part of has been painted. A part whose code
 * is fetched on demand renders then, so that fetch starts after the page's largest text has painted
 * (Lighthouse counts what was fetched before that paint as on its path) rather than beside it.
 */
export function useAfterFirstPaint(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => afterPaint(() => startTransition(() => setAfter(true))), []);
  return after;
}

/** Tell the page's gate (if any) that `part` is in. Outside a gate: nothing. */
export function useSettled(part: string, ready: boolean): void {
  const gate = useContext(SettleContext);
  useLayoutEffect(() => {
    if (ready) gate?.report(part);
  }, [ready, gate, part]);
}

/** For a piece rendered only once it has loaded (e.g. inside a Suspense boundary). */
export function Settled({ part }: { part: string }) {
  useSettled(part, true);
  return null;
}

export function SettleGate({ parts, below = [], children }: { parts: readonly string[]; below?: readonly string[]; children: ReactNode }) {
  const [inParts, setIn] = useState<ReadonlySet<string>>(() => new Set());
  const [late, setLate] = useState(false);
  // Parts that would still change size (a formula before KaTeX is in: src/viz/paintHold.ts) hold the
  // lower stage back, until it has been shown once: a later hold does not hide it again.
  const [holds, setHolds] = useState(0);
  const [belowShownOnce, setBelowShownOnce] = useState(false);
  const gate = useMemo<Gate>(
    () => ({
      report: (part) => setIn((s) => (s.has(part) ? s : new Set(s).add(part))),
      hold: () => {
        setHolds((n) => n + 1);
        return () => setHolds((n) => n - 1);
      },
    }),
    [],
  );
  const topIn = parts.every((p) => inParts.has(p));
  const allIn = topIn && below.every((p) => inParts.has(p)) && (holds === 0 || belowShownOnce);
  // Asked once per stage: the fonts the top uses, then those the figure adds (KaTeX's sizes, bold).
  const topFontsIn = useFontsIn(topIn);
  const allFontsIn = useFontsIn(allIn);
  // A gate with no top parts paints its top in the first frame: that text came with the entry, in the
  // system fonts (no formulas), so there is nothing for it to wait for (the home page).
  const topShown = late || (topIn && (parts.length === 0 || topFontsIn));
  const shown = late || (allIn && allFontsIn);
  // Set as the gate renders, before any part below it renders in the same pass. The pieces read it
  // through `turns` without subscribing, once as they mount (useStaggered, usePaintTurn): subscribed,
  // every staggered part (a chapter's whole prose, its lab with every cell) rendered again when the
  // stage was shown, for nothing, as by then all its pieces are in. Where nothing paints (a server
  // render, a test's string) nothing waits either.
  const shownNow = useRef(shown);
  shownNow.current = shown;
  const turns = useMemo<PaintTurns>(() => ({ waiting: () => typeof requestAnimationFrame === 'function' && !shownNow.current, take: takeTurn }), []);
  useEffect(() => {
    if (shown) setBelowShownOnce(true);
  }, [shown]);
  useEffect(() => {
    const id = setTimeout(() => setLate(true), SETTLE_LIMIT_MS);
    return () => clearTimeout(id);
  }, []);
  // Which pieces the time limit overtook, for a test to tell a slow machine from a page that moves.
  const missing = late && !(allIn && allFontsIn) ? [...[...parts, ...below].filter((p) => !inParts.has(p)), ...(holds > 0 ? ['held'] : []), ...(allFontsIn ? [] : ['fonts'])].join(' ') : '';
  useEffect(() => {
    if (!missing) return;
    document.documentElement.setAttribute(LATE_ATTRIBUTE, missing);
    return () => document.documentElement.removeAttribute(LATE_ATTRIBUTE);
  }, [missing]);
  useLayoutEffect(() => {
    const html = document.documentElement;
    const waiting = !topShown ? 'top' : !shown ? 'below' : null;
    if (waiting) html.setAttribute(SETTLING_ATTRIBUTE, waiting);
    else html.removeAttribute(SETTLING_ATTRIBUTE);
    return () => html.removeAttribute(SETTLING_ATTRIBUTE);
  }, [topShown, shown]);
  return (
    <SettleContext.Provider value={gate}>
      <PaintHoldContext.Provider value={gate.hold}>
        <PaintTurnContext.Provider value={turns}>
          <TopPaintedContext.Provider value={topShown}>
            <BelowShownContext.Provider value={shown}>{children}</BelowShownContext.Provider>
          </TopPaintedContext.Provider>
        </PaintTurnContext.Provider>
      </PaintHoldContext.Provider>
    </SettleContext.Provider>
  );
}

/**
 * For one figure rather than a whole page: true once `ready`, or after SETTLE_LIMIT_MS at the latest.
 * The figure stays laid out but unpainted till then, while the text above it shows at once.
 */
export function usePaintWhen(ready: boolean): boolean {
  const [late, setLate] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setLate(true), SETTLE_LIMIT_MS);
    return () => clearTimeout(id);
  }, []);
  return ready || late;
}

/**
 * Whether the fonts the page now uses have loaded, asked once `asking` turns true. KaTeX's math fonts
 * load only when math is laid out, and text laid out in a stand-in font moves when they arrive (the
 * lab's Chinese prose reflowed by a few lines).
 */
function useFontsIn(asking: boolean): boolean {
  const [fontsIn, setFontsIn] = useState(false);
  useEffect(() => {
    if (!asking || fontsIn) return;
    const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
    if (!fonts) return setFontsIn(true);
    let live = true;
    // A font starts loading when the page is laid out with it, so `ready` is asked once the next frame
    // has done that layout. Forcing the layout here (getBoundingClientRect) laid the whole page out inside
    // React's commit and made its task the page's longest (4× slowed phone: 170–330 ms more, chapter 1).
    // A hidden tab draws no frames: there the layout is still forced, as nobody waits on it.
    const done = () => live && setFontsIn(true);
    const ask = () => fonts.ready.then(done, done);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;
    if (document.visibilityState === 'hidden') {
      document.documentElement.getBoundingClientRect();
      ask();
    } else frame = requestAnimationFrame(() => (timer = setTimeout(ask)));
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [asking, fontsIn]);
  return fontsIn;
}

/**
 * A page that is one lazily loaded component: painted once its code is in, so the footer under the
 * placeholder does not jump, and once the `also` parts it renders have reported (e.g. its prose).
 */
export function SettledRoute({ part, also = [], children }: { part: string; also?: readonly string[]; children: ReactNode }) {
  return (
    <SettleGate parts={[part, ...also]}>
      <Suspense fallback={<p className="muted">…</p>}>
        {children}
        <Settled part={part} />
      </Suspense>
    </SettleGate>
  );
}
