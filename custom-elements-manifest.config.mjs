// `npm run build` writes custom-elements.json from the elements' JSDoc.
export default {
  globs: ['src/elements/**/*.component.ts', 'src/internal/undersigned-element.ts'],
  outdir: '.',
  litelement: true,
};
