// Render tests for chapter 9's plots (static HTML): the numbers they are given come back out as data-*
// attributes and accessible names, and hidden scan levels show no numbers.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { hillisSteeleScan } from '../core/scan';
import { ScanTree } from './ScanTree';
import { PhasePlot, SignalPlot } from './SignalPlot';
import { StemPlot } from './StemPlot';
import { symbolColor } from './theme';

const attrs = (markup: string, name: string) => [...markup.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('SignalPlot', () => {
  const labels = { title: 'Output', curve: 'y(τ)', samples: 'y_k', input: 'x(τ)', held: 'x_k', time: 'τ' };
  it('draws one dot per sample with its time and value, and reads the samples out', () => {
    const m = renderToStaticMarkup(
      <SignalPlot
        curve={{ tau: [0, 1, 2], y: [0, 0.5, -0.25] }}
        samples={{ tau: [1, 2], y: [0.5, -0.25] }}
        input={[0, 1, 0]}
        held={{ dt: 1, x: [0, 1] }}
        yLimit={1}
        xLimit={1}
        labels={labels}
      />,
    );
    expect(attrs(m, 'data-tau')).toEqual(['1', '2']);
    expect(attrs(m, 'data-value')).toEqual(['0.5', '-0.25']);
    expect(m).toContain('data-samples="2"');
    expect(m).toContain('aria-label="Output. y_k: 0.50, −0.25"');
    expect(m).toContain(`fill="${symbolColor.q}"`);
  });
  it('the phase plot draws one dot per state', () => {
    const m = renderToStaticMarkup(<PhasePlot path={[[0, 0], [1, 0]]} samples={[[1, 0], [0, 1], [-1, 0]]} limit={1} label="state" axes={['h₁', 'h₂']} />);
    expect(m.match(/<circle/g)).toHaveLength(3);
    expect(m).toContain('aria-label="state"');
  });
});

describe('StemPlot', () => {
  it('one bar per value, signed, with the value on each bar and in the accessible name', () => {
    const m = renderToStaticMarkup(<StemPlot values={[1, -0.5, 0]} limit={1} symbol="gamma" label="K" title="kernel" testId="k" />);
    expect(attrs(m, 'data-index')).toEqual(['0', '1', '2']);
    expect(attrs(m, 'data-value')).toEqual(['1', '-0.5', '0']);
    expect(m).toContain('aria-label="K: 1.00, −0.50, 0.00"');
    expect(m).toContain(`fill="${symbolColor.gamma}"`);
  });
});

describe('ScanTree', () => {
  const scan = hillisSteeleScan([
    { a: 0.5, b: 1 },
    { a: 2, b: 0 },
    { a: 1, b: 3 },
    { a: 0, b: 5 },
  ]);
  const labels = { title: 'Scan', inputs: 'inputs', level: 'level {j} · reach {r}', spokenLevel: 'level {j}: b = {values}' };
  it('shows the numbers of revealed levels only', () => {
    const m = renderToStaticMarkup(<ScanTree levels={scan.levels} shown={1} columns={['1', '2', '3', '4']} limit={5} labels={labels} />);
    expect(m).toContain('data-shown="1"');
    expect(m).toContain('data-depth="2"');
    // Levels 0 and 1 carry their b values; level 2 is not drawn (nor named) yet.
    expect(attrs(m, 'data-b')).toEqual(['1', '0', '3', '5', '1', '2', '3', '5']);
    expect(m).toContain('level 1 · reach 1');
    expect(m).not.toContain('level 2 · reach 2');
    expect(m).toContain('aria-label="Scan. level 0: b = 1.00, 0.00, 3.00, 5.00. level 1: b = 1.00, 2.00, 3.00, 5.00"');
  });
  it('fully revealed, the last row holds h_t and combined nodes are marked', () => {
    const m = renderToStaticMarkup(<ScanTree levels={scan.levels} shown={2} columns={['1', '2', '3', '4']} limit={5} labels={labels} />);
    const b = attrs(m, 'data-b');
    expect(b.slice(-4).map(Number)).toEqual(scan.h);
    expect(m.match(/scan-node combined/g)).toHaveLength(3 + 2);
  });
});
