// The live cost counter: FLOPs, numbers held at once and steps in a row for the three forms, at the
// page's T, widths and chunk size — from the core's cost model, drawn as numbers and bars to scale.
import { gateSpread, keepsCache, type Mechanism } from '../../core/cases';
import { FORMS, formCosts, type Form, type FormCost } from '../../core/formCost';
import { fill, useStrings } from '../i18n';
import { useLocalized } from '../i18n/define';
import { playgroundStrings } from './playground.strings';
import { formatCount } from '../../viz/units';

export interface CostCounterProps {
  mechanism: Mechanism;
  T: number;
  dk: number;
  dv: number;
  chunk: number;
}

type Metric = 'flops' | 'memory';

export function CostCounter({ mechanism, T, dk, dv, chunk }: CostCounterProps) {
  const { lang } = useStrings();
  const ui = useLocalized(playgroundStrings);
  const costs = formCosts(T, chunk, { dk, dv }, mechanism);
  // The cost's shape follows what the memory is: a cache, or a state whose gate is shared, per key or per entry.
  const spread = keepsCache(mechanism) ? 'cache' : gateSpread(mechanism);
  const growth = ui.cost.growthOf[spread === 'cache' ? 'softmax' : spread === 'perEntry' ? 'mamba' : 'memory'];
  const held = ui.cost.memoryOf[spread === 'cache' ? 'softmax' : spread === 'perEntry' ? 'mamba' : spread === 'perKey' ? 'gla' : 'memory'];
  const count = (n: number) => formatCount(n, lang);
  const max = (metric: Metric) => Math.max(...FORMS.map((f) => costs[f][metric]));
  const bar = (form: Form, metric: Metric) => {
    const share = costs[form][metric] / max(metric);
    return (
      <span className="pg-bar" aria-hidden="true">
        <span className={`pg-bar-fill pg-bar-${form}`} style={{ width: `max(2px, ${(100 * share).toFixed(2)}%)` }} />
      </span>
    );
  };
  const cells = (form: Form, c: FormCost) => (
    <tr key={form} data-testid={`pg-cost-${form}`} data-flops={c.flops} data-memory={c.memory} data-steps={c.sequentialSteps}>
      <th scope="row">{ui.cost[form]}</th>
      {/* data-label: on a phone each row stacks, and each number says what it is (playground.css). */}
      <td data-label={ui.cost.flops}>
        <span className="pg-cost-number">{count(c.flops)}</span>
        {bar(form, 'flops')}
        <span className="muted pg-cost-growth">O({growth[form]})</span>
      </td>
      <td data-label={ui.cost.memory}>
        <span className="pg-cost-number">{count(c.memory)}</span>
        {bar(form, 'memory')}
        <span className="muted pg-cost-growth">{held[form]}</span>
      </td>
      <td className="pg-cost-number" data-label={ui.cost.steps}>{count(c.sequentialSteps)}</td>
    </tr>
  );
  return (
    <section className="pg-cost" aria-labelledby="pg-cost-heading" data-testid="pg-cost">
      <h2 id="pg-cost-heading">{ui.cost.heading}</h2>
      <table>
        <caption className="muted">{fill(ui.cost.caption, { T: String(T), dk: String(dk), dv: String(dv), C: String(Math.min(chunk, T)) })}</caption>
        <thead>
          <tr>
            <th scope="col">{ui.cost.form}</th>
            <th scope="col">{ui.cost.flops}</th>
            <th scope="col">{ui.cost.memory}</th>
            <th scope="col">{ui.cost.steps}</th>
          </tr>
        </thead>
        <tbody>{FORMS.map((f) => cells(f, costs[f]))}</tbody>
      </table>
      {spread !== 'shared' && (
        <p className="muted small-note" data-testid="pg-cost-note">
          {ui.cost.notes[spread]}
        </p>
      )}
    </section>
  );
}
