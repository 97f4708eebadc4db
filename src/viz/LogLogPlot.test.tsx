// LogLogPlot and DependencyDiagram rendered to static HTML: the names, markers and data-* attributes
// that chapters 0 and 1 (and their e2e tests) rely on.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { dependencyGraph, neededFor } from '../core/dependency';
import { DependencyDiagram } from './DependencyDiagram';
import { LogLogPlot } from './LogLogPlot';
import { symbolColor } from './theme';

const attrs = (markup: string, name: string) => [...markup.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('LogLogPlot', () => {
  const plot = (
    <LogLogPlot
      title="time against T"
      xLabel="T"
      yLabel="ms"
      xDomain={[10, 1000]}
      yDomain={[0.1, 100]}
      xTicks={[10, 100, 1000]}
      yTicks={[1, 10]}
      formatX={String}
      formatY={(y) => `${y} ms`}
      series={[
        {
          id: 'a',
          label: 'attention',
          color: 'q',
          points: [
            { x: 10, y: 1, title: 'a at 10', data: { backend: 'webgpu' } },
            { x: 100, y: 100, shape: 'square', title: 'a at 100', data: { backend: 'wasm' } },
          ],
        },
      ]}
      guides={[{ id: 'g', label: '∝ T²', color: 'q', points: [{ x: 10, y: 1 }, { x: 1000, y: 10000 }] }]}
      pointTestId="pt"
    />
  );
  const m = renderToStaticMarkup(plot);
  it('names the plot, its ticks and its legend', () => {
    expect(m).toContain('role="img"');
    expect(m).toContain('aria-label="time against T"');
    expect(m).toContain('>10 ms<');
    expect(m).toContain('∝ T²');
    expect(m).toContain(`stroke="${symbolColor.q}"`);
  });
  it('marks each point with its data and its shape', () => {
    expect(attrs(m, 'data-testid').filter((x) => x === 'pt')).toHaveLength(2);
    expect(attrs(m, 'data-backend')).toEqual(['webgpu', 'wasm']);
    expect(m).toContain('<circle');
    expect(m).toContain('<rect');
    expect(m).toContain('<title>a at 100</title>');
  });
  it('places points on log scales: one decade is the same distance everywhere', () => {
    const xs = attrs(m, 'cx').map(Number);
    // x = 10 → left edge (70), x = 100 → halfway between 70 and 464 on a 2-decade axis.
    expect(xs[0]).toBeCloseTo(70, 6);
    const rect = /<rect x="([\d.]+)"/.exec(m);
    expect(Number(rect?.[1]) + 4.5).toBeCloseTo((70 + 464) / 2, 6);
  });
});

describe('DependencyDiagram', () => {
  const render = (t: number | null) =>
    renderToStaticMarkup(
      <DependencyDiagram
        graph={dependencyGraph('rnn', 4)}
        needed={t === null ? null : neededFor('rnn', 4, t)}
        nodeText={(k, s) => `${k}${s + 1}`}
        nodeName={(k, s) => `node ${k}${s + 1}`}
        waveName={(n) => `wave ${n}`}
        onSelect={() => undefined}
        title="RNN"
      />,
    );
  it('lights up exactly the needed nodes and arrows, with their waves', () => {
    const m = render(2);
    const nodes = [...m.matchAll(/data-node="(\w+)" data-needed="(true|false)" data-wave="(\d*)"/g)].map((x) => [x[1], x[2], x[3]]);
    expect(nodes.filter((n) => n[1] === 'true').map((n) => n[0])).toEqual(['x0', 'x1', 'x2', 'h0', 'h1', 'h2', 'y2']);
    expect(nodes.find((n) => n[0] === 'h2')?.[2]).toBe('3');
    expect(attrs(m, 'data-needed').filter((x) => x === 'true')).toHaveLength(7 + 3 + 2 + 1);
    expect(m).toContain('aria-label="node y3, wave 3"');
  });
  it('outputs are buttons; nothing is lit before a choice', () => {
    const m = render(null);
    expect(attrs(m, 'role').filter((r) => r === 'button')).toHaveLength(4);
    expect(attrs(m, 'data-needed').every((x) => x === 'false')).toBe(true);
  });
});
