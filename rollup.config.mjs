import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

// The one-script bundles, built from tsc's output in dist/. Lit's default
// export condition is its production build (no dev-mode warnings).
export default {
  input: 'dist/index.js',
  output: [
    {file: 'dist/undersigned.js', format: 'es', sourcemap: true},
    // For pages that allow only classic scripts: <script src defer>.
    {file: 'dist/undersigned.iife.js', format: 'iife', name: 'undersigned', sourcemap: true},
  ],
  plugins: [
    nodeResolve({browser: true}),
    terser({
      ecma: 2022,
      module: true,
      compress: {passes: 2},
      format: {comments: false},
    }),
  ],
  onwarn(warning, warn) {
    // Lit's TypeScript output uses `this` at module top level in helpers.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
