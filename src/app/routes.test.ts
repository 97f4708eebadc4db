import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './routes';

describe('routes', () => {
  it('parses the pages', () => {
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(parseRoute('#/')).toEqual({ page: 'home' });
    expect(parseRoute('#/lab')).toEqual({ page: 'lab' });
    expect(parseRoute('#/playground')).toEqual({ page: 'playground' });
    expect(parseRoute('#/playground/')).toEqual({ page: 'playground' });
    expect(parseRoute('#/chapter/retnet/')).toEqual({ page: 'chapter', slug: 'retnet' });
  });
  it('rejects what it does not know instead of guessing', () => {
    expect(parseRoute('#/chapter/<script>')).toEqual({ page: 'not-found', path: '/chapter/<script>' });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'not-found', path: '/nowhere' });
  });
  it('round-trips', () => {
    for (const r of [{ page: 'home' }, { page: 'lab' }, { page: 'playground' }, { page: 'chapter', slug: 'linear-attention' }] as const)
      expect(parseRoute(routeHref(r))).toEqual(r);
  });
});
