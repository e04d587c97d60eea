import {existsSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import {transform} from 'esbuild';

// The publisher's console (admin/), a bundle of its own: dist/admin/console.js.
// It is never part of dist/undersigned.js. Built from the TypeScript sources
// directly (esbuild strips the types, one file at a time), so it can import
// the widgets' own modules, e.g. the body sanitiser in src/text.

/** `./x.js` written in a .ts file means `./x.ts`, as TypeScript's bundler resolution has it. */
const typescript = () => ({
  name: 'typescript-sources',
  resolveId(source, importer) {
    if (!importer || !importer.endsWith('.ts') || !source.startsWith('.') || !source.endsWith('.js')) return null;
    const ts = resolve(dirname(importer), source.replace(/\.js$/, '.ts'));
    return existsSync(ts) ? ts : null;
  },
  async transform(code, id) {
    if (!id.endsWith('.ts')) return null;
    const out = await transform(code, {loader: 'ts', target: 'es2022', sourcemap: true, sourcefile: id});
    return {code: out.code, map: out.map};
  },
});

export default {
  input: 'admin/console.ts',
  output: {file: 'dist/admin/console.js', format: 'es', sourcemap: true, inlineDynamicImports: true,
    plugins: [terser({ecma: 2022, module: true, format: {comments: false}})]},
  plugins: [typescript(), nodeResolve({browser: true})],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
