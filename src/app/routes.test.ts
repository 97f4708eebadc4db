import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './routes';

describe('routes', () => {
  it('parses the pages', () => {
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(parseRoute('#/')).toEqual({ page: 'home' });
    expect(parseRoute('#/lab')).toEqual({ page: 'lab' });
    expect(parseRoute('#/playground')).toEqual({ page: 'playground' });
    expect(parseRoute('#/playground/')).toEqual({ page: 'playground' });
    expect(parseRoute('#/train')).toEqual({ page: 'train' });
    expect(parseRoute('#/chapter/retnet/')).toEqual({ page: 'chapter', slug: 'retnet' });
    expect(parseRoute('#/glossary')).toEqual({ page: 'glossary' });
    expect(parseRoute('#/glossary/kv-cache')).toEqual({ page: 'glossary', term: 'kv-cache' });
    expect(parseRoute('#/embed/retnet')).toEqual({ page: 'embed', slug: 'retnet' });
    expect(parseRoute('#/embed/mamba/scan')).toEqual({ page: 'embed', slug: 'mamba', figure: 'scan' });
  });
  it('rejects what it does not know instead of guessing', () => {
    expect(parseRoute('#/chapter/<script>')).toEqual({ page: 'not-found', path: '/chapter/<script>' });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'not-found', path: '/nowhere' });
    expect(parseRoute('#/glossary/Key Value')).toEqual({ page: 'not-found', path: '/glossary/Key Value' });
    expect(parseRoute('#/embed')).toEqual({ page: 'not-found', path: '/embed' });
  });
  it('round-trips', () => {
    for (const r of [{ page: 'home' }, { page: 'lab' }, { page: 'playground' }, { page: 'train' }, { page: 'chapter', slug: 'linear-attention' }, { page: 'glossary' }, { page: 'glossary', term: 'delta-rule' }, { page: 'embed', slug: 'retnet' }, { page: 'embed', slug: 'mamba', figure: 'zoh' }] as const)
      expect(parseRoute(routeHref(r))).toEqual(r);
  });
});
