import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {cdnHeaders, embedPagesPlugin} from './test/plugins/embed-pages.mjs';
import {framesPlugin} from './test/plugins/frames.mjs';
import {referenceServerPlugin, referenceServerProxy} from './test/plugins/reference-server.mjs';

// Tests drive the system Chromium: no test tool may download a browser here.
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default {
  // test/node runs under node's test runner (npm run test:package).
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: {exportConditions: ['development']},
  // /ref/<port>/… reaches a test's reference server from the page's own origin (the console's tests).
  // /dist/ and the demo's static documents carry a CDN's CORS headers (the embed tests load them from other origins too).
  middleware: [referenceServerProxy, cdnHeaders],
  plugins: [esbuildPlugin({ts: true, target: 'es2022', tsconfig: 'tsconfig.json'}), referenceServerPlugin(), embedPagesPlugin(), framesPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
      },
    }),
  ],
  // A test's own limit: a ceiling, not a wait. End-to-end tests (typing key by
  // key, axe, a real server and its mail) took over 10 s on a 2-core machine
  // shared with a second test run, so the ceiling is well above that. Hooks
  // that await the shared reference server give it longer
  // (test/helpers/reference-server.ts SERVER_START_TIMEOUT).
  testFramework: {config: {timeout: 30000}},
  // On a busy machine a browser page can take a while to start or finish a
  // file: these are ceilings for conditions, not waits.
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 600000,
    testRunnerHtml: (testFramework) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><script>globalThis.litIssuedWarnings = new Set(['dev-mode']);</script></head><body><script type="module" src="/test/helpers/readable-failures.ts"></script><script type="module" src="${testFramework}"></script></body></html>`,
};
