// Wide things — display formulas, matrices, tables, figures kept at their natural size — scroll
// sideways inside their own frame on a narrow screen (styles.css: .scroll-frame, .katex-display).
// A frame that really overflows becomes a keyboard stop (so it can be scrolled without a pointer), a
// labelled region where it has no role of its own, and says which edges hide more (data-scroll-more,
// drawn as a fade). A frame that fits is left alone: no empty tab stops.
import { useEffect } from 'react';
import { fill } from '../i18n';
import { FRAMES_PENDING_ATTRIBUTE } from './framesPending';
import { isPageSettling, whenPageSettled } from './pageSettle';
import { whenIdle } from '../../runtime/idle';

const FRAMES = '.scroll-frame, .katex-display';
/** Marks the attributes set here, so a component's own tabindex, role or label is never removed. */
const OURS = 'data-scroll-frame';

export interface ScrollFrameLabels {
  formula: string;
  wide: string;
  /** "{name} (scroll sideways)" */
  region: string;
}

/** Which edges of a frame hide content: 'right', 'left', 'both', or null when it all shows. */
export function hiddenEdges(scrollLeft: number, scrollWidth: number, clientWidth: number): 'left' | 'right' | 'both' | null {
  const left = scrollLeft > 1;
  const right = scrollLeft + clientWidth < scrollWidth - 1;
  return left && right ? 'both' : left ? 'left' : right ? 'right' : null;
}

function frameName(el: HTMLElement, labels: ScrollFrameLabels): string {
  if (el.dataset.scrollLabel) return el.dataset.scrollLabel;
  if (el.classList.contains('katex-display')) return labels.formula;
  const caption = el.querySelector('caption, figcaption')?.textContent?.trim();
  return caption ? caption.slice(0, 80) : labels.wide;
}

/**
 * Whether a frame sits in a part of the page the browser may skip while it is far from the screen
 * (content-visibility: auto). Measuring it lays that part out, the cost the skipping saves: such frames
 * are measured a part per idle moment. Asked of the part's ancestors, not of the frame: asking a frame
 * whether it is skipped (`checkVisibility`) restyled the whole part it sits in (336 elements on
 * chapter 6). And asked from the top down, stopping at the first such part: the style of an element
 * inside a skipped part is computed on demand, with its part's (five restyles, 25 ms, in chapter 5's
 * scan). `seen` keeps the answers of one scan, for ancestors frames share.
 */
function inSkippablePart(el: HTMLElement, seen: Map<Element, boolean>): boolean {
  const ancestors: Element[] = [];
  for (let a = el.parentElement; a; a = a.parentElement) ancestors.push(a);
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i];
    let skippable = seen.get(a);
    if (skippable === undefined) {
      skippable = getComputedStyle(a).contentVisibility === 'auto';
      seen.set(a, skippable);
    }
    if (skippable) return true;
  }
  return false;
}

/** What a frame's layout says: read for every frame before any is written (one layout, not one per frame). */
interface FrameSize {
  edges: ReturnType<typeof hiddenEdges>;
  overflowing: boolean;
}

function measure(el: HTMLElement): FrameSize {
  const { scrollLeft, scrollWidth, clientWidth } = el;
  return { edges: hiddenEdges(scrollLeft, scrollWidth, clientWidth), overflowing: scrollWidth > clientWidth + 1 };
}

/** Writes only what changed: an attribute set to its own value still restyles the frame. */
function setAttr(el: HTMLElement, name: string, value: string | null): void {
  if (el.getAttribute(name) === value) return;
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

function update(el: HTMLElement, labels: ScrollFrameLabels, { edges, overflowing }: FrameSize): void {
  setAttr(el, 'data-scroll-more', edges);
  const ours = el.hasAttribute(OURS);
  if (overflowing && !ours && !el.hasAttribute('tabindex')) {
    el.setAttribute(OURS, el.hasAttribute('role') ? 'tab' : 'tab role');
    el.tabIndex = 0;
    if (!el.hasAttribute('role')) {
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', fill(labels.region, { name: frameName(el, labels) }));
    }
  } else if (!overflowing && ours) {
    if (el.getAttribute(OURS)?.includes('role')) {
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
    }
    el.removeAttribute('tabindex');
    el.removeAttribute(OURS);
  } else if (overflowing && el.getAttribute(OURS)?.includes('role')) {
    setAttr(el, 'aria-label', fill(labels.region, { name: frameName(el, labels) })); // the language may have changed
  }
}

/** The most an idle moment spends measuring frames in skipped parts, past the first part it lays out. */
const IDLE_BUDGET_MS = 4;

/** Whether these added or removed nodes are, or hold, a frame. */
function bringsOrTakesFrames(nodes: NodeList): boolean {
  for (const n of nodes) if (n instanceof Element && (n.matches(FRAMES) || n.querySelector(FRAMES))) return true;
  return false;
}

/** Keeps every frame under #main up to date as pages, figures and the window change. */
export function useScrollFrames(labels: ScrollFrameLabels): void {
  const { formula, wide, region } = labels;
  useEffect(() => {
    const root = document.getElementById('main');
    if (!root || typeof ResizeObserver === 'undefined') return;
    const current = { formula, wide, region };
    const watched = new Set<HTMLElement>();
    let cancelScan: (() => void) | null = null;
    const onScroll = (e: Event) => {
      const el = e.currentTarget as HTMLElement;
      update(el, current, measure(el));
    };
    // A frame whose size changed, or whose content changed, is measured again; a frame that came or
    // went makes a full scan. Other changes (a chart redrawn ten times a second while a model trains)
    // measure nothing: measuring forces a layout of the page.
    const dirty = new Set<HTMLElement>();
    let fullScan = false;
    const resize = new ResizeObserver((entries) => schedule(entries.map((e) => e.target as HTMLElement)));
    function watchFrames(frames: HTMLElement[]) {
      const present = new Set(frames);
      for (const el of watched)
        if (!present.has(el)) {
          resize.unobserve(el);
          el.removeEventListener('scroll', onScroll);
          watched.delete(el);
        }
      for (const el of frames)
        if (!watched.has(el)) {
          watched.add(el);
          resize.observe(el);
          el.addEventListener('scroll', onScroll, { passive: true });
        }
    }
    function scan() {
      cancelScan = null;
      let frames: HTMLElement[];
      if (fullScan) {
        frames = [...root!.querySelectorAll<HTMLElement>(FRAMES)];
        watchFrames(frames);
      } else frames = [...dirty].filter((el) => watched.has(el) && el.isConnected);
      fullScan = false;
      dirty.clear();
      const seen = new Map<Element, boolean>();
      const later = new Set(frames.filter((el) => inSkippablePart(el, seen)));
      const now = frames.filter((el) => !later.has(el));
      for (const el of later) deferred.add(el);
      for (const el of now) deferred.delete(el);
      measureAll(now);
      scheduleDeferred();
    }
    function measureAll(frames: readonly HTMLElement[]) {
      // All reads, then all writes: a write between two reads made the browser lay the whole page out
      // again for the next frame — on a phone, most of a chapter's long main-thread tasks.
      const sizes = frames.map(measure);
      frames.forEach((el, i) => update(el, current, sizes[i]));
    }
    // Frames in skipped parts, in page order: measured after the page is shown, so that a wide formula
    // far down is a keyboard stop before the reader gets there. Measuring the first frame of a part lays
    // the part out; the rest of that part's frames cost nothing more, the next part waits for the next
    // idle moment.
    const deferred = new Set<HTMLElement>();
    let cancelIdle: (() => void) | null = null;
    /** Says that frames wait to be measured. Set only if not set already: each set is a mutation. */
    function markPending() {
      const html = document.documentElement;
      if (!html.hasAttribute(FRAMES_PENDING_ATTRIBUTE)) html.setAttribute(FRAMES_PENDING_ATTRIBUTE, '');
    }
    function scheduleDeferred() {
      if (cancelIdle || cancelScan) return;
      if (deferred.size === 0) return document.documentElement.removeAttribute(FRAMES_PENDING_ATTRIBUTE);
      markPending();
      cancelIdle = whenIdle(measureDeferred, { timeout: 1000, fallbackMs: 50 });
    }
    function measureDeferred() {
      cancelIdle = null;
      if (isPageSettling()) return scheduleDeferred();
      const start = performance.now();
      const batch: HTMLElement[] = [];
      const sizes: FrameSize[] = [];
      for (const el of deferred) {
        if (batch.length > 0 && performance.now() - start > IDLE_BUDGET_MS) break;
        deferred.delete(el);
        if (!el.isConnected || !watched.has(el)) continue;
        batch.push(el);
        sizes.push(measure(el));
      }
      batch.forEach((el, i) => update(el, current, sizes[i]));
      scheduleDeferred();
    }
    /** No argument: scan every frame; else measure these frames again. */
    function schedule(frames?: readonly HTMLElement[]) {
      if (frames) for (const el of frames) dirty.add(el);
      else fullScan = true;
      if (cancelScan || (!fullScan && dirty.size === 0)) return;
      // While the page comes in, nearly every frame inserts more of it, and a scan forced the style and
      // layout of all that was just inserted: the longest part of several of those frames. So frames
      // are measured once the page is shown, in the idle moment after the frame that shows it: a scan
      // right at the gate's signal laid out the newly shown stage itself.
      if (isPageSettling()) {
        markPending();
        let frame = 0;
        let cancelIdleScan = () => {};
        const cancelSettled = whenPageSettled(() => {
          frame = requestAnimationFrame(() => (cancelIdleScan = whenIdle(scan, { timeout: 500, fallbackMs: 50 })));
        });
        cancelScan = () => {
          cancelSettled();
          cancelAnimationFrame(frame);
          cancelIdleScan();
        };
      } else {
        const id = requestAnimationFrame(scan);
        cancelScan = () => cancelAnimationFrame(id);
      }
    }
    // New figures, numbers arriving, prose loading: frames come and go with the DOM.
    const mutations = new MutationObserver((records) => {
      const changed: HTMLElement[] = [];
      for (const r of records) {
        if (bringsOrTakesFrames(r.addedNodes) || bringsOrTakesFrames(r.removedNodes)) return schedule();
        const frame = r.target instanceof Element ? r.target.closest<HTMLElement>(FRAMES) : null;
        if (frame) changed.push(frame);
      }
      schedule(changed);
    });
    mutations.observe(root, { childList: true, subtree: true });
    schedule();
    return () => {
      cancelScan?.();
      cancelIdle?.();
      document.documentElement.removeAttribute(FRAMES_PENDING_ATTRIBUTE);
      mutations.disconnect();
      resize.disconnect();
      for (const el of watched) el.removeEventListener('scroll', onScroll);
    };
  }, [formula, wide, region]);
}
