// The HTTP security headers Implan is served with: the one source of truth
// for the post-build hook (which writes them into dist/ with the hash of
// Trunk's inline loader script), the test server and docs/HOSTING.md.

/**
 * The headers for a release build whose inline scripts have the given
 * sha256 hashes (base64, as CSP writes them: 'sha256-…').
 */
export function securityHeaders(scriptHashes) {
  const scripts = scriptHashes.map((h) => `'sha256-${h}'`).join(' ');
  const csp = [
    "default-src 'none'",
    // The app's own JS files, Trunk's inline loader (by hash) and, for
    // WebAssembly.instantiate, 'wasm-unsafe-eval' (not 'unsafe-eval').
    `script-src 'self' ${scripts} 'wasm-unsafe-eval'`,
    // The app's style sheet, plus styles the app writes itself: style
    // attributes (bar widths, colours) and two <style> elements with the
    // app's own CSS (the status report, the timeline's print page size).
    // User text never reaches CSS, and styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    // Images: the app's icons, and blob:/data: for the PNG and SVG exports.
    "img-src 'self' blob: data:",
    "font-src 'self'",
    // The wasm file and the service worker's cache fill.
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy':
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  };
}
