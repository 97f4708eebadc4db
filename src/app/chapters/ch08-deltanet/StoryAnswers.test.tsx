// Chapter 8's answers: each chart is drawn on its own scale, so the delta rule's exact 1.00 for the
// right place fills its track instead of looking faint beside linear attention's larger mixed scores.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { storyCase, type Story } from '../../../core/story';
import { StoryAnswers, scaleOf } from './StoryAnswers';

/** Bar widths (percent of the track) and values of one chart, in row order. */
function chart(markup: string, testId: string) {
  const start = markup.indexOf(`data-testid="${testId}"`);
  const html = markup.slice(start, markup.indexOf('</figure>', start));
  return [...html.matchAll(/data-value="([^"]*)"[^]*?<span class="score-track">([^]*?)<\/span><span class="score-value"/g)].map((m) => ({
    value: Number(m[1]),
    width: Number(/width:([\d.]+)%/.exec(m[2])?.[1] ?? 0),
  }));
}

// Joe is in the garden twice: linear attention sums both writes (garden 2.00), DeltaNet keeps one (1.00).
const STORY: Story = {
  facts: [
    { entity: 'joe', place: 'garden' },
    { entity: 'joe', place: 'kitchen' },
    { entity: 'joe', place: 'garden' },
  ],
  question: 'joe',
};

describe('StoryAnswers', () => {
  const render = () =>
    renderToStaticMarkup(
      <StoryAnswers
        story={STORY}
        linearCase={storyCase(STORY, { mechanism: 'linear_attention' }, 'orthogonal')}
        memoryCase={storyCase(STORY, { mechanism: 'deltanet', beta: 1 }, 'orthogonal')}
        memoryTitle="DeltaNet"
        revealed
      />,
    );
  it('draws each chart on its own scale: the top score of each fills its track', () => {
    const m = render();
    for (const id of ['answer-linear-bars', 'answer-delta-bars']) {
      const rows = chart(m, id);
      expect(rows.length, id).toBeGreaterThan(0);
      const top = rows.reduce((a, b) => (Math.abs(b.value) > Math.abs(a.value) ? b : a));
      expect(top.width, `${id}: the top score's bar`).toBeCloseTo(100, 6);
    }
    // Linear attention's garden is 2.00; DeltaNet's right answer, 1.00, is still drawn full length.
    expect(Math.max(...chart(m, 'answer-linear-bars').map((r) => r.value))).toBeCloseTo(2, 6);
    const delta = chart(m, 'answer-delta-bars');
    expect(Math.max(...delta.map((r) => r.value))).toBeCloseTo(1, 6);
    expect(Math.max(...delta.map((r) => r.width))).toBeCloseTo(100, 6);
    expect(m).toContain('data-testid="answers-scale"');
  });
  it('a chart of zeros keeps a unit scale', () => {
    expect(scaleOf([0, 0])).toBe(1);
    expect(scaleOf([-2, 1])).toBe(2);
  });
});
