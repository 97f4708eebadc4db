// Render tests without a DOM library: each component is rendered to static HTML (react-dom/server),
// and the roles, names and data-* attributes that e2e tests and screen readers rely on are read back.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AttentionMatrix, ROW_REACH, rowsInDom } from './AttentionMatrix';
import { TimeCursorProvider } from './cursor';
import { EquivalenceBadge } from './EquivalenceBadge';
import { MemoryStateFigure } from './MemoryStateFigure';
import { memoryLabels } from './testLabels';
import { FigureRegion, PlaybackControls } from './PlaybackControls';
import { StepTrack } from './StepTrack';
import { symbolColor } from './theme';
import { VectorStrip } from './VectorStrip';
import { runReference } from '../core';
import { randomCase } from '../core/random';
import { makeTrace } from '../trace/trace';

const html = (el: React.ReactElement) => renderToStaticMarkup(el);
/** Every value of one attribute, in document order. */
const attrs = (markup: string, name: string) => [...markup.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
/** The data-value of each <td> inside the element with this test id (a MatrixHeatmap table). */
const cells = (markup: string, testId: string) => {
  const start = markup.indexOf(`data-testid="${testId}"`);
  const table = markup.slice(start, markup.indexOf('</table>', start));
  return [...table.matchAll(/<td[^>]*data-value="([^"]*)"/g)].map((m) => Number(m[1]));
};

describe('VectorStrip', () => {
  it('reads out its values, frames itself in its symbol colour and exposes each value', () => {
    const m = html(<VectorStrip values={[0.5, -1]} symbol="q" label="q_t" />);
    expect(m).toContain('role="img"');
    expect(m).toContain('aria-label="q_t: 0.50, −1.00"');
    expect(m).toContain(`border-color:${symbolColor.q}`);
    expect(attrs(m, 'data-value')).toEqual(['0.5', '-1']);
    expect(m).toContain('data-symbol="q"');
  });
  it('draws empty cells for a value not read yet', () => {
    const m = html(<VectorStrip values={null} length={3} symbol="S" label="o_t" emptyText="not read yet" />);
    expect(attrs(m, 'data-index')).toHaveLength(3);
    expect(attrs(m, 'data-value')).toHaveLength(0);
    expect(m).toContain('aria-label="o_t: not read yet"');
  });
});

describe('AttentionMatrix', () => {
  const labels = { matrix: 'Weights M', row: 'step {t}', decay: 'decay' };
  const M = [
    [1, 0, 0],
    [0.5, -1, 0],
    [0.25, 0.5, 2],
  ];
  it('has one focusable option per row; the cursor row is selected, the hovered one marked', () => {
    const m = html(<AttentionMatrix values={M} labels={labels} activeStep={1} hoveredStep={2} />);
    expect(m).toContain('role="listbox"');
    expect(attrs(m, 'data-row')).toEqual(['0', '1', '2']);
    expect(attrs(m, 'aria-selected')).toEqual(['false', 'true', 'false']);
    expect(attrs(m, 'data-active')).toEqual(['true']);
    expect(attrs(m, 'data-hovered')).toEqual(['true']);
    expect(attrs(m, 'tabindex')).toEqual(['-1', '0', '-1']); // roving focus starts at the cursor
    expect(m).toContain('aria-label="step 2: 0.50, −1.00"'); // masked entries are not read
    expect(m).toContain('data-active-step="1"');
  });
  it('reads the decay weights of a row with a decay mask', () => {
    const D = [
      [1, 0, 0],
      [0.9, 1, 0],
      [0.81, 0.9, 1],
    ];
    expect(html(<AttentionMatrix values={M} labels={labels} decay={D} />)).toContain('step 2: 0.50, −1.00; decay: 0.90, 1.00');
  });
  it('up to 64 rows, every row is an option', () => {
    const T = 64;
    const m = html(<AttentionMatrix values={Array.from({ length: T }, () => new Array<number>(T).fill(0))} labels={labels} activeStep={10} />);
    expect(attrs(m, 'data-row')).toHaveLength(T);
    expect(attrs(m, 'aria-setsize')).toHaveLength(0);
  });
  it('at T = 256 only the rows near the cursor are in the DOM, each says where it is of T (the DOM does not grow with T)', () => {
    const sizes = [128, 256, 1024].map((T) => {
      const big = Array.from({ length: T }, (_, t) => Array.from({ length: T }, (_, s) => (s <= t ? 1 / (t + 1) : 0)));
      const m = html(<AttentionMatrix values={big} labels={labels} activeStep={100} />);
      const rows = attrs(m, 'data-row').map(Number);
      expect(rows).toEqual(Array.from({ length: 2 * ROW_REACH + 1 }, (_, i) => 100 - ROW_REACH + i));
      expect(attrs(m, 'aria-setsize')).toEqual(rows.map(() => String(T)));
      expect(attrs(m, 'aria-posinset')).toEqual(rows.map((t) => String(t + 1)));
      expect(attrs(m, 'data-active')).toEqual(['true']);
      expect(m).toContain('aria-label="step 102"'); // a plain name for rows away from the cursor
      return m.length;
    });
    // Only the active row's read-out grows with T (its T numbers): well under 2 characters a cell.
    expect(sizes[2]).toBeLessThan(sizes[0] + 1024 * 16);
  });
  it('rowsInDom keeps the rows near every anchor (cursor, focus, pointer), and row 0 when there is none', () => {
    expect(rowsInDom(32, [5])).toHaveLength(32);
    expect(rowsInDom(256, [0, 255])).toEqual([...Array.from({ length: ROW_REACH + 1 }, (_, i) => i), ...Array.from({ length: ROW_REACH + 1 }, (_, i) => 255 - ROW_REACH + i)]);
    expect(rowsInDom(256, [null, -1])).toEqual(Array.from({ length: ROW_REACH + 1 }, (_, i) => i));
    expect(rowsInDom(256, [100, 101, 102, null]).length).toBe(2 * ROW_REACH + 3);
  });
});


describe('MemoryStateFigure', () => {
  const input = randomCase('gated_deltanet', { T: 4, dk: 3, dv: 2, seed: 7 });
  const trace = makeTrace(input, runReference(input, 'recurrent'), { view: 'recurrent', backend: 'reference', ms: 0 });
  const steps = trace.steps ?? [];
  it('shows S_t and o_t of the cursor step, with data-step and data-beat', () => {
    const m = html(<MemoryStateFigure trace={trace} step={2} labels={memoryLabels} />);
    expect(m).toContain('data-step="2"');
    expect(m).toContain('data-beat="read"');
    expect(m).toContain('data-backend="reference"');
    expect(cells(m, 'memory-S')).toEqual(steps[2].S.flat());
    expect(m).toContain('step 3 of 4');
    expect(m).toContain('data-testid="memory-gate"');
    expect(m).toContain('data-testid="memory-beta"');
  });
  it('a fixed beat shows that beat: the write term beside S', () => {
    const m = html(<MemoryStateFigure trace={trace} step={1} labels={memoryLabels} beat="write" reducedMotion />);
    expect(m).toContain('data-beat="write"');
    expect(cells(m, 'memory-term')).toEqual(steps[1].write.flat());
    expect(cells(m, 'memory-S')).toEqual(steps[1].S.flat());
    expect(m).toContain('write v kᵀ'); // the beat's text label
    expect(m).toContain('aria-label="o_t: not read yet"');
  });
  it('parts a reading step holds back are left out; S leaves a blank box in its place', () => {
    const m = html(<MemoryStateFigure trace={trace} step={1} labels={memoryLabels} beat="read" hide={['q', 'o', 'S', 'gate', 'beta']} />);
    for (const id of ['memory-q', 'memory-o', 'memory-S', 'memory-gate', 'memory-beta']) expect(m).not.toContain(`data-testid="${id}"`);
    expect(m).toContain('data-hidden-quantity="S"');
    expect(m).toContain('data-testid="memory-k"');
    expect(m).toContain('data-testid="memory-v"');
    expect(html(<MemoryStateFigure trace={trace} step={1} labels={memoryLabels} beat="write" reducedMotion hide={['write']} />)).not.toContain('data-testid="memory-term"');
  });
  it('the erase beat shows the old value read under k', () => {
    const m = html(<MemoryStateFigure trace={trace} step={1} labels={memoryLabels} beat="erase" />);
    expect(m).toContain('data-testid="memory-recalled"');
    expect(cells(m, 'memory-term')).toEqual(steps[1].erase.flat());
  });
  it('before the first step the memory is empty', () => {
    const m = html(<MemoryStateFigure trace={trace} step={-1} labels={memoryLabels} />);
    expect(m).toContain('data-beat="none"');
    expect(cells(m, 'memory-S')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(m).toContain('empty memory');
  });
  it('says so, rather than drawing nothing, when the trace has no steps', () => {
    const soft = randomCase('softmax_attention', { T: 3, dk: 2, dv: 2, seed: 1 });
    const t = makeTrace(soft, runReference(soft, 'recurrent'), { view: 'recurrent', backend: 'reference', ms: 0 });
    expect(html(<MemoryStateFigure trace={t} step={0} labels={memoryLabels} />)).toContain('no steps');
  });
});

describe('PlaybackControls and FigureRegion', () => {
  const labels = {
    group: 'Playback',
    play: 'Play',
    pause: 'Pause',
    stepBack: 'Step back',
    stepForward: 'Step forward',
    scrub: 'Time step',
    stepOf: 'step {t} of {T}',
    beforeStart: 'before the first step',
    speed: 'Speed',
  };
  it('uses the given words and the shared cursor', () => {
    const m = html(
      <TimeCursorProvider T={8} initialStep={0}>
        <FigureRegion label="Recurrent view" testId="region">
          <PlaybackControls labels={labels} />
        </FigureRegion>
      </TimeCursorProvider>,
    );
    expect(m).toContain('aria-valuetext="step 1 of 8"');
    expect(m).toContain('aria-label="Play"');
    expect(m).toContain('aria-label="Time step"');
    expect(m).toMatch(/min="-1"[^>]*max="7"|max="7"[^>]*min="-1"/);
    expect(attrs(m, 'aria-pressed')).toEqual(['false', 'true', 'false']); // 1× is chosen
    expect(m).toContain('tabindex="0"');
    expect(m).toContain('aria-keyshortcuts="Space ArrowLeft ArrowRight Home End"');
    expect(m).toContain('data-step="0"');
  });
  it('fails with a clear message outside a provider', () => {
    expect(() => html(<PlaybackControls labels={labels} />)).toThrow(/TimeCursorProvider/);
  });
});

describe('EquivalenceBadge', () => {
  const labels = {
    diff: 'max |y_par − y_rec|',
    tolerance: 'tolerance',
    agree: 'agree',
    disagree: 'disagree',
    parallel: 'parallel',
    recurrent: 'recurrent',
    backends: { webgpu: 'WebGPU', wasm: 'WASM', reference: 'float64', precomputed: 'precomputed' },
  };
  it('is a status with the raw difference and both backends', () => {
    const m = html(<EquivalenceBadge diff={2.4e-7} tolerance={1e-5} parallelBackend="webgpu" recurrentBackend="wasm" parallelMs={1.25} labels={labels} />);
    expect(m).toContain('role="status"');
    expect(m).toContain('data-diff="2.4e-7"');
    expect(m).toContain('data-ok="true"');
    expect(m).toContain('parallel: WebGPU (1.3 ms)');
    expect(m).toContain('recurrent: WASM');
  });
  it('names a precomputed trace without a model time (it was timed at build time)', () => {
    const m = html(<EquivalenceBadge diff={0} tolerance={1e-5} parallelBackend="precomputed" recurrentBackend="wasm" parallelMs={0} recurrentMs={2} labels={labels} />);
    expect(m).toContain('data-parallel-backend="precomputed"');
    expect(m.replace(/<[^>]+>/g, '')).toContain('parallel: precomputed · recurrent: WASM (2.0 ms)');
  });
  it('a NaN or ∞ difference never agrees, never disagrees, and never prints NaN', () => {
    for (const diff of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const m = html(<EquivalenceBadge diff={diff} tolerance={1} parallelBackend="wasm" recurrentBackend="wasm" labels={{ ...labels, notFinite: 'nothing to compare' }} />);
      expect(m).toContain('data-ok="false"');
      expect(m).toContain('data-verdict="none"');
      expect(m).toContain('nothing to compare');
      expect(m).not.toMatch(/NaN|Infinity|disagree|✗/);
    }
  });
});

describe('StepTrack', () => {
  it('marks the cursor step and the hovered one, and reads tokens', () => {
    const m = html(<StepTrack T={3} tokens={['大', '家', '好']} activeStep={0} hoveredStep={2} labels={{ track: 'Steps', step: 'step {t}' }} />);
    expect(attrs(m, 'data-step')).toEqual(['0', '1', '2']);
    expect(attrs(m, 'aria-selected')).toEqual(['true', 'false', 'false']);
    expect(attrs(m, 'data-hovered')).toEqual(['true']);
    expect(m).toContain('aria-label="step 3: 好"');
    expect(m).not.toContain('step-track-more');
  });

  it('a window of the steps shows "…" where it cuts, hidden from the listbox', () => {
    const labels = { track: 'Steps', step: 'step {t}' };
    const middle = html(<StepTrack T={12} activeStep={6} labels={labels} window={{ from: 2, to: 10 }} />);
    expect(attrs(middle, 'data-step')).toEqual(['2', '3', '4', '5', '6', '7', '8', '9']);
    expect(attrs(middle, 'data-edge')).toEqual(['before', 'after']);
    expect(middle).toMatch(/<span class="step-track-more" aria-hidden="true"/);
    const start = html(<StepTrack T={12} activeStep={0} labels={labels} window={{ from: 0, to: 8 }} />);
    expect(attrs(start, 'data-edge')).toEqual(['after']);
    const all = html(<StepTrack T={8} activeStep={0} labels={labels} window={{ from: 0, to: 8 }} />);
    expect(attrs(all, 'data-edge')).toEqual([]);
  });
});
