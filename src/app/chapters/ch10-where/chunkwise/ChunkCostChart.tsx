// The cost of the three forms as T grows, for one head of width 64 and a chosen chunk size: counted
// from the core's formulas (src/core/formCost.ts), drawn on log–log axes, with the crossover — the
// first T at which the chunkwise form needs fewer multiply–adds than the parallel form — marked.
import { useMemo } from 'react';
import { LogLogPlot, type PlotSeries } from '../../../../viz/LogLogPlot';
import type { SymbolName } from '../../../../viz/theme';
import { formatCount } from '../../../../viz/units';
import { fill, useStrings } from '../../../i18n';
import { useLocalized } from '../../../i18n/define';
import { integerIn } from '../../../state/schema';
import { useUrlParam } from '../../../state/UrlState';
import { chunkwiseStrings } from './chunkwise.strings';
import { COST_CHUNKS, COST_LENGTHS, costRows, crossoverT, type CostChunk } from './presets';

const FORM_COLOR = { parallel: 'k', recurrent: 'v', chunkwise: 'beta' } as const satisfies Record<string, SymbolName>;
const FORMS = ['parallel', 'recurrent', 'chunkwise'] as const;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const superscript = (n: number): string => Array.from(String(n), (d) => SUPERSCRIPT[Number(d)] ?? d).join('');

export function ChunkCostChart() {
  const { lang } = useStrings();
  const ui = useLocalized(chunkwiseStrings).cost;
  const [C, setC] = useUrlParam<number>('cc', integerIn({ min: 1, max: 4096 }), 64);
  const chunk: CostChunk = (COST_CHUNKS as readonly number[]).includes(C) ? (C as CostChunk) : 64;
  const rows = useMemo(() => costRows(chunk), [chunk]);
  const cross = useMemo(() => crossoverT(chunk), [chunk]);
  const ys = rows.flatMap((r) => FORMS.map((f) => r[f]));
  const yDomain: [number, number] = [10 ** Math.floor(Math.log10(Math.min(...ys))), 10 ** Math.ceil(Math.log10(Math.max(...ys)))];
  const xDomain: [number, number] = [COST_LENGTHS[0], COST_LENGTHS[COST_LENGTHS.length - 1]];
  const series: PlotSeries[] = FORMS.map((f) => ({
    id: f,
    label: ui[f],
    color: FORM_COLOR[f],
    points: rows.map((r) => ({ x: r.T, y: r[f], title: fill(ui.point, { form: ui[f], T: formatCount(r.T, lang), macs: formatCount(r[f], lang) }), data: { form: f, t: r.T, macs: r[f] } })),
  }));
  const guides = cross === null ? [] : [{ id: 'crossover', label: `${ui.crossover}: T = ${formatCount(cross, lang)}`, color: 'S' as const, points: [{ x: cross, y: yDomain[0] }, { x: cross, y: yDomain[1] }] }];
  const yTicks: number[] = [];
  for (let e = Math.log10(yDomain[0]); e <= Math.log10(yDomain[1]); e += 2) yTicks.push(10 ** e);
  const longest = rows[rows.length - 1];
  return (
    <section className="chunk-cost" aria-labelledby="chunk-cost-heading" data-testid="chunk-cost">
      <h4 id="chunk-cost-heading">{ui.heading}</h4>
      <fieldset className="chunk-cost-controls">
        <legend>{ui.chunk}</legend>
        {COST_CHUNKS.map((c) => (
          <label key={c}>
            <input type="radio" name="chunk-cost-c" value={c} checked={chunk === c} onChange={() => setC(c)} data-testid={`chunk-cost-c-${c}`} />
            {` C = ${c}`}
          </label>
        ))}
      </fieldset>
      <LogLogPlot
        title={fill(ui.plotTitle, { C: String(chunk) })}
        xLabel={ui.x}
        yLabel={ui.y}
        xDomain={xDomain}
        yDomain={yDomain}
        // Every other length, and not the last: its label would run past the plot's right edge.
        xTicks={COST_LENGTHS.filter((_, i) => i % 2 === 0 && i < COST_LENGTHS.length - 1)}
        yTicks={yTicks}
        formatX={(t) => formatCount(t, lang)}
        formatY={(m) => `10${superscript(Math.round(Math.log10(m)))}`}
        series={series}
        guides={guides}
        testId="chunk-cost-plot"
        pointTestId="chunk-cost-point"
      />
      <p className="muted small-note">{ui.caption}</p>
      <p data-testid="chunk-crossover" data-t={cross ?? ''} data-c={chunk}>
        {cross === null ? ui.noCrossover : fill(ui.crossoverText, { T: formatCount(cross, lang), C: String(chunk) })}
      </p>
      <p className="muted small-note">
        {fill(ui.steps, { T: formatCount(longest.T, lang), rec: formatCount(longest.T, lang), chunk: formatCount(longest.chunkSteps, lang) })}
      </p>
    </section>
  );
}
