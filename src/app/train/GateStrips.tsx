// The probe's gates as heat strips over its tokens: one row per gate (β_t, γ_t, Δ_t), one cell per
// token, shaded in the gate's symbol colour by its value (Δ by its share of the row's largest value).
import type { ProbeReading } from '../../train/types';
import { formatNumber } from '../../viz/format';
import { symbolColor, type SymbolName } from '../../viz/theme';
import { useLocalized } from '../i18n/define';
import { trainStrings } from './train.strings';

const ROWS: { key: 'beta' | 'gamma' | 'delta'; symbol: SymbolName }[] = [
  { key: 'beta', symbol: 'beta' },
  { key: 'gamma', symbol: 'gamma' },
  { key: 'delta', symbol: 'gamma' },
];

export function GateStrips({ reading, tokens }: { reading: ProbeReading; tokens: readonly string[] }) {
  const ui = useLocalized(trainStrings);
  const rows = ROWS.filter((r) => reading[r.key] !== undefined && reading[r.key]!.length > 0);
  if (rows.length === 0) return <p className="muted" data-testid="train-no-gates">{ui.noGates}</p>;
  return (
    <div className="train-strips" data-testid="train-gates">
      <table>
        <caption>{ui.gates}</caption>
        <thead>
          <tr>
            <th scope="col">{ui.token}</th>
            {tokens.map((t, i) => (
              <th scope="col" key={i}>
                {t}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const values = reading[r.key]!;
            const top = r.key === 'delta' ? Math.max(1e-9, ...values.map(Math.abs)) : 1;
            return (
              <tr key={r.key} data-gate={r.key}>
                <th scope="row">{ui.gateRows[r.key]}</th>
                {values.map((x, i) => {
                  const share = Math.round(100 * Math.min(1, Math.max(0, Math.abs(x) / top)));
                  return (
                    // At most 60 % of the symbol's colour, so the value printed on it keeps the page's text colour readable.
                    <td key={i} data-value={x} style={{ background: `color-mix(in srgb, ${symbolColor[r.symbol]} ${Math.round(share * 0.6)}%, var(--panel))` }}>
                      {formatNumber(x, 2)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
