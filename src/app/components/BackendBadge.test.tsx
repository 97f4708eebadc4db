// What a view's badge says while its numbers are not yet the live model's: starting, or (for numbers
// that keep changing, like the training lab's probe) waiting until they hold still.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BackendBadge } from './BackendBadge';

const html = (el: React.ReactElement) => renderToStaticMarkup(el);

describe('BackendBadge before the live run', () => {
  it('says the live model is starting, over the float64 reference', () => {
    const m = html(<BackendBadge run={{ status: 'loading' }} testId="b" />);
    expect(m).toContain('data-backend="reference"');
    expect(m).toContain('live soon');
  });

  it('says the live model waits for still numbers, rather than "starting", while a model trains', () => {
    const m = html(<BackendBadge run={{ status: 'loading', whenStill: true }} testId="b" />);
    expect(m).toContain('data-backend="reference"');
    expect(m).toContain('once these numbers hold still');
    expect(m).not.toContain('live soon');
  });
});
