// Registers Implan's service worker (added to index.html by
// scripts/post-build.mjs in release builds only). When a new version has
// been downloaded, it tells the app (the event 'implan-update' and the
// attribute data-implan-update on <html>, in case the app starts later);
// the app's banner answers with the event 'implan-reload', which switches
// to the new version and reloads.

if ('serviceWorker' in navigator) {
  let waiting = null;
  const ready = (worker) => {
    waiting = worker;
    document.documentElement.setAttribute('data-implan-update', 'ready');
    window.dispatchEvent(new Event('implan-update'));
  };
  // After the page has loaded, so that filling the cache does not compete
  // with the first start.
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('./sw.js')
      .then((reg) => {
        if (reg.waiting && navigator.serviceWorker.controller) ready(reg.waiting);
        reg.addEventListener('updatefound', () => {
          const worker = reg.installing;
          worker?.addEventListener('statechange', () => {
            if (worker.state === 'installed' && navigator.serviceWorker.controller) ready(worker);
          });
        });
      })
      .catch(() => {});
  });
  window.addEventListener('implan-reload', () => {
    if (!waiting) {
      location.reload();
      return;
    }
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
    waiting.postMessage('implan-skip-waiting');
  });
}
