// Render tests without a DOM: the playground's pieces as static HTML, read back by role and data-*.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formCosts } from '../../core/formCost';
import { MatrixCanvas } from '../../viz/MatrixCanvas';
import { LangContext } from '../i18n';
import { agreement } from './agreement';
import { AgreementBadge } from './AgreementBadge';
import { CostCounter } from './CostCounter';

const zh = (el: React.ReactElement) => renderToStaticMarkup(<LangContext.Provider value={{ lang: 'zh-TW' }}>{el}</LangContext.Provider>);
const attr = (markup: string, testId: string, name: string) => new RegExp(`data-testid="${testId}"[^>]*${name}="([^"]*)"`).exec(markup)?.[1];

describe('playground pieces', () => {
  it('the cost counter shows the core’s numbers for each form', () => {
    const m = renderToStaticMarkup(<CostCounter mechanism="gla" T={1024} dk={64} dv={32} chunk={16} />);
    const costs = formCosts(1024, 16, { dk: 64, dv: 32 }, 'gla');
    for (const form of ['parallel', 'recurrent', 'chunkwise'] as const) {
      expect(Number(attr(m, `pg-cost-${form}`, 'data-flops'))).toBe(costs[form].flops);
      expect(Number(attr(m, `pg-cost-${form}`, 'data-memory'))).toBe(costs[form].memory);
      expect(Number(attr(m, `pg-cost-${form}`, 'data-steps'))).toBe(costs[form].sequentialSteps);
    }
    expect(m).toContain(new Intl.NumberFormat('en').format(costs.parallel.flops));
    expect(m).toContain('T × T × d_k scores');
    expect(zh(<CostCounter mechanism="mamba" T={8} dk={4} dv={4} chunk={3} />)).toContain('各形式的計算成本');
  });

  it('the badge: agreement, differences per pair and backends', () => {
    const a = agreement({ parallel: [[1]], recurrent: [[1]], chunkwise: [[1.000001]] }, [[1]]);
    const m = renderToStaticMarkup(<AgreementBadge agreement={a} runs={{ parallel: null, recurrent: { status: 'loading' }, chunkwise: { status: 'loading' } }} settled />);
    expect(m).toContain('role="status"');
    expect(attr(m, 'pg-badge', 'data-ok')).toBe('true');
    expect(Number(attr(m, 'pg-badge', 'data-diff-chunkwise-recurrent'))).toBeCloseTo(1e-6, 12);
    expect(attr(m, 'pg-badge', 'data-parallel-backend')).toBe('skipped');
    expect(m).toContain('all views give the same numbers');
    const waiting = zh(<AgreementBadge agreement={a} runs={{ parallel: null, recurrent: { status: 'loading' }, chunkwise: { status: 'loading' } }} settled={false} />);
    expect(waiting).toContain('data-ok="false"');
    expect(waiting).toContain('等待各視角算完');
  });

  it('the badge with one result: nothing to compare, in words, never NaN', () => {
    const runs = { parallel: null, recurrent: { status: 'loading' }, chunkwise: null } as const;
    const one = agreement({ recurrent: [[1]] }, null);
    const m = renderToStaticMarkup(<AgreementBadge agreement={one} runs={runs} settled />);
    expect(attr(m, 'pg-badge', 'data-verdict')).toBe('none');
    expect(m).toContain('nothing to compare: only one result (recurrent)');
    expect(m).not.toContain('NaN');
    expect(m).not.toContain('the views differ');
    expect(m).not.toContain('✗');
    expect(zh(<AgreementBadge agreement={one} runs={runs} settled />)).toContain('沒有可以比較的：只有一個結果（遞迴）');
    const nonFinite = agreement({ recurrent: [[1]], parallel: [[NaN]] }, null);
    const n = renderToStaticMarkup(<AgreementBadge agreement={nonFinite} runs={runs} settled />);
    expect(n).not.toContain('NaN');
    expect(n).toContain('not finite in parallel: beyond a 32-bit float');
  });

  it('a large matrix is one canvas with its size and range read out', () => {
    const values = Array.from({ length: 300 }, (_, i) => [i / 100, -i / 100]);
    const m = renderToStaticMarkup(<MatrixCanvas values={values} label="Outputs O" summary="{rows} × {cols}, values from {min} to {max}" highlightRow={3} testId="big" />);
    expect(m).toContain('role="img"');
    expect(m).toContain('aria-label="Outputs O: 300 × 2, values from −2.99 to 2.99"');
    expect(m).toContain('data-rows="300"');
    expect(m.match(/<canvas/g)).toHaveLength(1);
    expect(m).toContain('matrix-canvas-row');
  });
});
