// Loaded first by every embed test page (a same-origin classic script, so
// even a strict CSP runs it): records what a developer would see in the
// console, for the test in the parent window to read.
window.__report = {violations: [], errors: [], consoleErrors: [], warnings: []};
document.addEventListener('securitypolicyviolation', (event) => {
  window.__report.violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
window.addEventListener('error', (event) => {
  window.__report.errors.push(String(event.message || event.error));
});
window.addEventListener('unhandledrejection', (event) => {
  window.__report.errors.push(String(event.reason));
});
for (const level of ['error', 'warn']) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    window.__report[level === 'error' ? 'consoleErrors' : 'warnings'].push(args.map(String).join(' '));
    original(...args);
  };
}
