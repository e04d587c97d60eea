/**
 * The classic script, `dist/undersigned.iife.js`, for pages that allow
 * only classic scripts (`<script defer src>`): it loads the ES module
 * `undersigned.js` from beside itself (its own URL, whatever the page's
 * origin), so both ways share one copy of the library and the same lazily
 * loaded siblings (DOMPurify, catalogs, the live stream). A cross-origin
 * host must send `Access-Control-Allow-Origin` (README "Hosting"). The
 * module's exports become `window.undersigned` once it has loaded.
 */
declare global {
  interface Window {
    undersigned?: Record<string, unknown>;
  }
}

const script = document.currentScript as HTMLScriptElement | null;
const module = new URL('undersigned.js', script?.src || location.href).href;
import(module).then(
  (exports: Record<string, unknown>) => void (window.undersigned = exports),
  (error: unknown) => console.error(`undersigned: could not load ${module} (a host on another origin must send Access-Control-Allow-Origin)`, error)
);

export {};
