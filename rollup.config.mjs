import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import {minifyHTMLLiterals} from 'minify-literals';
import {readdirSync, rmSync} from 'node:fs';
import shortKeys from './scripts/short-keys.mjs';

// The one-script bundles, built from tsc's output in dist/. Lit's default
// export condition is its production build (no dev-mode warnings).
/**
 * Minifies the CSS inside our `css` template literals (terser leaves strings
 * alone). minify-literals is pinned at 1.0.10, the last release that runs on
 * Node 20 (2.x needs Node 22).
 */
// Whitespace in templates collapses to one space, never to none (inline
// elements keep their gaps); nothing else is rewritten.
const HTML = {
  collapseWhitespace: true, conservativeCollapse: true, removeComments: true, caseSensitive: true,
  decodeEntities: false, removeAttributeQuotes: false, removeEmptyAttributes: false, minifyCSS: {}, minifyJS: false,
};
const minifyLiterals = () => ({
  name: 'minify-literals',
  async transform(code, id) {
    if (id.includes('node_modules') || !/\b(css|html)\s*`/.test(code)) return null;
    return (await minifyHTMLLiterals(code, {fileName: id, minifyOptions: HTML})) ?? null;
  },
});

/** Removes the previous build's hashed chunks, so dist/ holds only what this build's entry loads. */
const cleanChunks = () => ({
  name: 'clean-chunks',
  buildStart() {
    for (const file of readdirSync('dist')) if (/^undersigned-.+\.js(\.map)?$/.test(file)) rmSync(`dist/${file}`);
  },
});

const minify = ({module}) => terser({ecma: 2022, module, compress: {passes: 2}, format: {comments: false}});

const onwarn = (warning, warn) => {
  // Lit's TypeScript output uses `this` at module top level in helpers.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

export default [
  {
    input: 'dist/index.js',
    // Lazy chunks import what they share with the entry from undersigned.js
    // itself, instead of the entry becoming a facade over a hashed chunk (one
    // more request on every page).
    preserveEntrySignatures: 'allow-extension',
    // The entry keeps its name (sites include it; served with a short,
    // revalidated cache); lazily loaded siblings carry a content hash in
    // theirs, so a server may cache them as immutable (README "Hosting").
    // They load relative to import.meta.url: beside undersigned.js, wherever it is served.
    output: {
      dir: 'dist', entryFileNames: 'undersigned.js', chunkFileNames: 'undersigned-[name]-[hash].js',
      format: 'es', sourcemap: true, plugins: [minify({module: true})],
    },
    // shortKeys: message keys as short ids in the bundle (scripts/short-keys.mjs).
    plugins: [cleanChunks(), shortKeys(), nodeResolve({browser: true}), minifyLiterals()],
    onwarn,
  },
  // For pages that allow only classic scripts: <script src defer>. A tiny
  // loader (src/classic.ts) that imports undersigned.js from beside itself,
  // so it shares the module's lazily loaded siblings. Not a module for
  // terser: it is a classic script.
  {
    input: 'dist/classic.js',
    output: {file: 'dist/undersigned.iife.js', format: 'iife', sourcemap: true, plugins: [minify({module: false})]},
    onwarn,
  },
];
