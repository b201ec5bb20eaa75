// Implan's service worker: keeps this build's files for use with no
// network, and swaps to a new build when the user says so ("En ny version
// er klar – genindlæs"). VERSION and FILES are written above by
// scripts/post-build.mjs; only release builds have a service worker.

const CACHE = 'implan-' + VERSION;

self.addEventListener('install', (event) => {
  // No skipWaiting here: open tabs keep the version they started with
  // until the user reloads from the banner (or closes them all).
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('implan-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'implan-skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const isPage = request.mode === 'navigate' && (url.pathname === scope.pathname || url.pathname === scope.pathname + 'index.html');
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(isPage ? './index.html' : request, { ignoreSearch: true });
      return hit ?? fetch(request);
    }),
  );
});
