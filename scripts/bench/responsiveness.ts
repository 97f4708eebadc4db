// What a learner feels while a long model run computes: frames painted and clicks handled on the main
// thread. The e2e test (e2e/responsive.spec.ts) asserts only counts from this sample; the bench reports
// the gaps and delays, which depend on how busy the machine is.

/** The playground's largest Mamba-1 case: seconds of WASM work in the chunkwise view. */
export const BUSY_CASE = 'm:mamba,T:1024,dk:64,dv:64,C:64';

export interface Sample {
  /** rAF timestamps, each with whether the chunkwise view was still computing at that frame. */
  frames: { t: number; computing: boolean }[];
  /** Click → handler delays (from when the browser received the click), for clicks handled while computing. */
  clicks: number[];
}

/**
 * Runs in the page (addInitScript) from the first frame: every animation frame, and every click's delay.
 * A string, not a function: tsx's name-keeping helper (__name) does not exist inside the page.
 */
export const SAMPLE_WHILE_COMPUTING = `(() => {
  const s = { frames: [], clicks: [] };
  window.__sample = s;
  const computing = () => document.querySelector('[data-testid="pg-view-chunkwise"]')?.getAttribute('data-status') === 'loading';
  const tick = (t) => {
    s.frames.push({ t, computing: computing() });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  document.addEventListener('click', (e) => computing() && s.clicks.push(performance.now() - e.timeStamp), true);
})();`;

export interface Responsiveness {
  /** Frames painted while computing. */
  frames: number;
  spanMs: number;
  maxGapMs: number;
  /** The share of the computing time that was painted (a frozen tab: 0). */
  painted: number;
  clicks: number[];
}

export function summarise({ frames, clicks }: Sample): Responsiveness {
  const first = frames.findIndex((f) => f.computing);
  if (first < 0) return { frames: 0, spanMs: 0, maxGapMs: 0, painted: 0, clicks };
  const endAt = frames.findIndex((f, i) => i > first && !f.computing);
  const end = endAt < 0 ? frames.length - 1 : endAt;
  const during = frames.slice(first, end);
  let maxGap = 0;
  for (let i = 1; i < during.length; i++) maxGap = Math.max(maxGap, during[i].t - during[i - 1].t);
  // The last gap ends on the finished frame, counted here as unpainted.
  const span = frames[end].t - frames[first].t;
  const painted = span > 0 && during.length > 1 ? (during[during.length - 1].t - during[0].t) / span : 0;
  return { frames: during.length, spanMs: Math.round(span), maxGapMs: Math.round(maxGap), painted: Math.round(painted * 100) / 100, clicks: clicks.map(Math.round) };
}
