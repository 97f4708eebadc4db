// Hash routes, so the static site needs no server rewrites: #/ (home), #/lab, #/playground, #/train,
// #/chapter/<slug>, #/glossary (#/glossary/<term> opens at one entry), #/embed/<slug>[/<figure>] (a
// chapter's figure alone, for an iframe).
// Language and figure state live in the query string, not here.
export type Route =
  | { page: 'home' }
  | { page: 'lab' }
  | { page: 'playground' }
  | { page: 'train' }
  | { page: 'chapter'; slug: string }
  | { page: 'glossary'; term?: string }
  | { page: 'embed'; slug: string; figure?: string }
  | { page: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/' || path === '') return { page: 'home' };
  if (path === '/lab') return { page: 'lab' };
  if (path === '/playground') return { page: 'playground' };
  if (path === '/train') return { page: 'train' };
  const m = /^\/chapter\/([a-z0-9-]+)$/.exec(path);
  if (m) return { page: 'chapter', slug: m[1] };
  const g = /^\/glossary(?:\/([a-z0-9-]+))?$/.exec(path);
  if (g) return g[1] ? { page: 'glossary', term: g[1] } : { page: 'glossary' };
  const e = /^\/embed\/([a-z0-9-]+)(?:\/([a-z0-9-]+))?$/.exec(path);
  if (e) return e[2] ? { page: 'embed', slug: e[1], figure: e[2] } : { page: 'embed', slug: e[1] };
  return { page: 'not-found', path };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'lab':
      return '#/lab';
    case 'playground':
      return '#/playground';
    case 'train':
      return '#/train';
    case 'chapter':
      return `#/chapter/${route.slug}`;
    case 'glossary':
      return route.term ? `#/glossary/${route.term}` : '#/glossary';
    case 'embed':
      return route.figure ? `#/embed/${route.slug}/${route.figure}` : `#/embed/${route.slug}`;
    case 'not-found':
      return '#/';
  }
}
