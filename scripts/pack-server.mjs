// `npm run pack:server`: the reference server as a package of its own,
// `undersigned-server`, so a publisher installs and runs it without the
// repository, and the widgets' package stays free of the server and its
// dependencies. The package keeps the repository's layout (server/,
// src/contract/, dist/, admin/, demo/), so the server's relative imports
// and its static root are the same as here. Run after `npm run build`.
// Writes undersigned-server-<version>.tgz into the current directory.
import {execFileSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

const root = new URL('../', import.meta.url).pathname;
const stage = join(root, '.pack', 'undersigned-server');
const main = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const need = ['dist/undersigned.js', 'dist/undersigned.iife.js', 'dist/admin/console.js'];
for (const f of need) if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run "npm run build" first.`);

rmSync(stage, {recursive: true, force: true});
mkdirSync(stage, {recursive: true});
const copy = (from, filter) => cpSync(join(root, from), join(stage, from), {recursive: true, ...(filter && {filter})});
copy('server/bin.mjs');
copy('server/index.mjs');
copy('server/src');
copy('src/contract', (f) => !f.endsWith('.test.ts'));
copy('admin/index.html');
for (const f of [...need, 'dist/undersigned.js.map', 'dist/undersigned.iife.js.map']) if (existsSync(join(root, f))) copy(f);
copy('demo');
for (const f of ['README.md', 'LICENSE']) if (existsSync(join(root, f))) copy(f);

/** The server's runtime dependencies, at the versions the repository tests with. */
const runtime = ['@electric-sql/pglite', '@hono/node-server', 'hono', 'postgres', 'tsx', 'nodemailer', 'tldts'];
const all = {...main.devDependencies, ...main.dependencies};
const dependencies = Object.fromEntries(runtime.filter((d) => all[d]).map((d) => [d, all[d]]));
writeFileSync(join(stage, 'package.json'), `${JSON.stringify({
  name: 'undersigned-server',
  version: main.version,
  description: 'The reference server of undersigned: API, publisher\'s console and widget bundle in one command.',
  type: 'module',
  license: main.license,
  bin: {'undersigned-server': 'server/bin.mjs'},
  engines: main.engines,
  dependencies,
}, null, 2)}\n`);
execFileSync('npm', ['pack', '--pack-destination', process.cwd()], {cwd: stage, stdio: 'inherit'});
