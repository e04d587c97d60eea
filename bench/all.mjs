// `npm run bench`: build, then the browser bench, then the server load
// bench; RESULTS.md is rebuilt after each part.
//
// The build's size check fails the build when the bundle is over its gzip
// limit; the bundle is written before that check, and its size is one of
// the things measured here, so the bench goes on with a bundle this build
// wrote. It stops when the build wrote none (a compile error): it never
// measures a stale bundle. Arguments go to bench/run.mjs (e.g. --reps=1).
import {spawnSync} from 'node:child_process';
import {statSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BUNDLE = `${ROOT}dist/undersigned.js`;
const mtime = () => {
  try {
    return statSync(BUNDLE).mtimeMs;
  } catch {
    return 0;
  }
};

const before = Date.now() - 1000;
const build = spawnSync('npm', ['run', 'build'], {cwd: ROOT, stdio: 'inherit'});
if (mtime() < before) {
  console.error(`bench: the build wrote no ${BUNDLE} (exit ${build.status}); nothing to measure.`);
  process.exit(1);
}
if (build.status !== 0) console.error(`bench: the build exited ${build.status} after writing the bundle (size check?); measuring it anyway.`);

const node = (script, args = []) => spawnSync(process.execPath, [`${ROOT}bench/${script}`, ...args], {cwd: ROOT, stdio: 'inherit'}).status;
const browser = node('run.mjs', process.argv.slice(2));
if (!process.env.DATABASE_URL) console.error('bench: DATABASE_URL is not set: the server bench runs on PGlite only (eval "$(bash .ci/pg-start.sh)" adds PostgreSQL).');
const server = node('server-load.mjs');
process.exit(browser || server ? 1 : 0);
