// Prints each bundle's size, minified and gzipped, against the budget;
// exits non-zero when a bundle is over it, so the build fails.
import {readFileSync, existsSync} from 'node:fs';
import {gzipSync} from 'node:zlib';

const BUDGET = 25 * 1024;
let over = false;
for (const file of ['dist/undersigned.js', 'dist/undersigned.iife.js']) {
  if (!existsSync(file)) continue;
  const code = readFileSync(file);
  const gz = gzipSync(code, {level: 9}).length;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`${file}: ${kb(code.length)} minified, ${kb(gz)} gzip (budget ${kb(BUDGET)})`);
  if (gz > BUDGET) over = true;
}
if (over) {
  console.error('A bundle is over its gzip budget.');
  process.exit(1);
}
