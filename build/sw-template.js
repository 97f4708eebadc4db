// Memory Lane's service worker (generated at build time by build/service-worker-plugin.ts).
// Precaches the site and the trained models; caches the onnxruntime wasm the first time a page loads it (it is large, and
// which of the two builds a browser needs depends on WebGPU). Then everything works offline.
// ignoreVary: module scripts are fetched with an Origin header that the precache requests lacked.
// A new version waits (it does not take over pages built from the old files) until the learner presses
// Reload on the banner (src/app/shell/updates.ts), which posts 'skip-waiting'. A first install has
// nothing to wait for and activates at once.
const CACHE = 'memory-lane-__VERSION__';
const PRECACHE = __PRECACHE__;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE)),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('memory-lane-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The site is one page; any navigation is answered with it, from the network when it can be.
    event.respondWith(fetch(request).catch(() => caches.match('./index.html', { ignoreSearch: true, ignoreVary: true })));
    return;
  }
  event.respondWith(
    caches.match(request, { ignoreSearch: true, ignoreVary: true }).then(
      (hit) =>
        hit ||
        fetch(request).then((response) => {
          if (response.ok && response.type === 'basic') {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
