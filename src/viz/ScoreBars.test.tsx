// ScoreBars renders the numbers it is given: one row per label with its exact value, the marked rows
// flagged, bars placed around zero, and the whole chart read out as one sentence.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ScoreBars } from './ScoreBars';

const attrs = (markup: string, name: string) => [...markup.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('ScoreBars', () => {
  it('exposes every score, marks the answer and reads out as one image', () => {
    const m = renderToStaticMarkup(
      <ScoreBars labels={['garden', 'kitchen', 'office']} values={[1, 2, 0]} limit={2} marked={[1]} title="DeltaNet" label="DeltaNet scores" markText="answer" testId="bars" />,
    );
    expect(attrs(m, 'data-value')).toEqual(['1', '2', '0']);
    expect(attrs(m, 'data-marked')).toEqual(['false', 'true', 'false']);
    expect(m).toContain('role="img"');
    expect(m).toContain('aria-label="DeltaNet scores: garden 1.00; kitchen 2.00 (answer); office 0.00"');
    expect(m).toContain('← answer');
    // Unsigned: bars start at the left edge; a zero score draws no bar.
    expect(m).toContain('left:0%;width:50%');
    expect(m).toContain('left:0%;width:100%');
    expect(attrs(m, 'class').filter((c) => c === 'score-bar')).toHaveLength(2);
  });

  it('signed scores grow both ways from the middle', () => {
    const m = renderToStaticMarkup(<ScoreBars labels={['a', 'b']} values={[-2, 1]} limit={2} signed title="t" label="l" />);
    expect(m).toContain('left:0%;width:50%'); // −2 reaches the left end
    expect(m).toContain('left:50%;width:25%'); // +1 goes half way right
    expect(m).toContain('class="score-zero"');
  });
});
