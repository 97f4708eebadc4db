// S q written out term by term: each stored pair's overlap with q and what it adds to the read,
// the wanted term, and the crosstalk. Draws numbers it is given.
import { fillTemplate } from './aria';
import { formatNumber } from './format';
import { VectorStrip } from './VectorStrip';
import './viz.css';

export interface ReadTermsLabels {
  title: string;
  term: string;
  overlap: string;
  contribution: string;
  total: string;
  /** "wanted: v{n}" */
  wanted: string;
  crosstalk: string;
  exact: string;
}

export interface ReadTermsProps {
  terms: ReadonlyArray<{ overlap: number; contribution: readonly number[] }>;
  total: readonly number[];
  wanted: number;
  crosstalk: readonly number[];
  labels: ReadTermsLabels;
  limit?: number;
  testId?: string;
}

export function ReadTerms({ terms, total, wanted, crosstalk, labels, limit = 1, testId = 'read-terms' }: ReadTermsProps) {
  const leak = Math.max(0, ...crosstalk.map(Math.abs));
  const exact = leak < 5e-4;
  return (
    <div className="read-terms scroll-frame" data-testid={testId} data-crosstalk={leak}>
      <table>
        <caption>{labels.title}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.term}</th>
            <th scope="col">{labels.overlap}</th>
            <th scope="col">{labels.contribution}</th>
          </tr>
        </thead>
        <tbody>
          {terms.map((t, s) => (
            <tr key={s} className={s === wanted ? 'wanted' : undefined} data-term={s}>
              <th scope="row">s = {s + 1}{s === wanted ? ' ★' : ''}</th>
              <td data-value={t.overlap}>{formatNumber(t.overlap, 2)}</td>
              <td>
                <VectorStrip values={[...t.contribution]} symbol="v" label={`${labels.contribution} (s = ${s + 1})`} title="" limit={limit} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>{labels.total}</th>
            <td data-testid={`${testId}-total`}>
              <VectorStrip values={[...total]} symbol="q" label={labels.total} title="" limit={limit} />
            </td>
          </tr>
        </tfoot>
      </table>
      <p className={exact ? 'read-exact' : 'read-crosstalk'} role="status">
        {wanted >= 0 && <>{fillTemplate(labels.wanted, { n: String.fromCharCode(0x2080 + ((wanted + 1) % 10)) })} · </>}
        {exact ? labels.exact : `${labels.crosstalk}: (${crosstalk.map((x) => formatNumber(x, 2)).join(', ')})`}
      </p>
    </div>
  );
}
