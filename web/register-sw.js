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
  // After the app's first paint (its performance mark 'implan-painted'),
  // so that fetching and caching the build's files does not compete with
  // compiling and starting the app: the page's 'load' event comes while
  // the wasm module is still being compiled. A page where the app never
  // paints still registers, some seconds after 'load'.
  let registered = false;
  const register = () => {
    if (registered) return;
    registered = true;
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
  };
  const soon = () => setTimeout(register, 100);
  if (performance.getEntriesByName('implan-painted').length > 0) {
    soon();
  } else if (typeof PerformanceObserver === 'function') {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('implan-painted').length > 0) {
        observer.disconnect();
        soon();
      }
    });
    observer.observe({ type: 'mark', buffered: true });
  }
  window.addEventListener('load', () => setTimeout(register, 5000));
  window.addEventListener('implan-reload', () => {
    if (!waiting) {
      location.reload();
      return;
    }
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
    waiting.postMessage('implan-skip-waiting');
  });
}
