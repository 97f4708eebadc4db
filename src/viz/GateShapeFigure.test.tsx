// GateShapeFigure draws the three matrices it is given, each readable from its cells.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { GateShapeFigure } from './GateShapeFigure';
import { symbolColor } from './theme';

const cells = (markup: string, testId: string) => {
  const start = markup.indexOf(`data-testid="${testId}"`);
  const table = markup.slice(start, markup.indexOf('</table>', start));
  return [...table.matchAll(/<td[^>]*data-value="([^"]*)"/g)].map((m) => Number(m[1]));
};

describe('GateShapeFigure', () => {
  const labels = { title: 'Step 2', gate: 'G_t', before: 'S before', after: 'S after' };
  const m = renderToStaticMarkup(
    <GateShapeFigure gate={[[0.5, 0], [0.5, 0]]} before={[[2, 4], [6, 8]]} after={[[1, 0], [3, 0]]} labels={labels} shape="column" testId="g" />,
  );
  it('shows G, S before and S after with their numbers', () => {
    expect(cells(m, 'g-G')).toEqual([0.5, 0, 0.5, 0]);
    expect(cells(m, 'g-before')).toEqual([2, 4, 6, 8]);
    expect(cells(m, 'g-after')).toEqual([1, 0, 3, 0]);
  });
  it('names its shape and frames the gate in the gate colour', () => {
    expect(m).toContain('data-shape="column"');
    expect(m).toContain(`outline-color:${symbolColor.gamma}`);
    expect(m).toContain('<caption>G_t</caption>');
  });
});
