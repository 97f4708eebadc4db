// Hash routes, so the static site needs no server rewrites: #/ (home), #/lab, #/playground,
// #/chapter/<slug>.
// Language and figure state live in the query string, not here.
export type Route = { page: 'home' } | { page: 'lab' } | { page: 'playground' } | { page: 'chapter'; slug: string } | { page: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/' || path === '') return { page: 'home' };
  if (path === '/lab') return { page: 'lab' };
  if (path === '/playground') return { page: 'playground' };
  const m = /^\/chapter\/([a-z0-9-]+)$/.exec(path);
  if (m) return { page: 'chapter', slug: m[1] };
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
    case 'chapter':
      return `#/chapter/${route.slug}`;
    case 'not-found':
      return '#/';
  }
}
