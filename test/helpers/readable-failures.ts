/**
 * Loaded on every test page before the test file (web-test-runner.config.mjs
 * testRunnerHtml). A failed assertion about an element (`expect(el).to.equal(null)`)
 * carries the element as `actual` or `expected`, and the runner stalls
 * serialising it: the file never reports, and CI times out instead of
 * saying what failed. Elements become their markup here, before that.
 */
// The side-effect-free entry: the full one registers fixture cleanup with
// mocha's afterEach, which does not exist yet when this runs (the test file's
// own import does that); the chai instance is the same.
import * as pure from '@open-wc/testing/pure';

// Its type declarations leave out the `chai` it exports.
const {chai} = pure as unknown as {chai: Chai.ChaiStatic};

const readable = (value: unknown): unknown =>
  value instanceof Element ? value.outerHTML.slice(0, 500) : value instanceof Node ? `#${value.nodeName}` : value;

chai.use((c) => {
  const assert = c.Assertion.prototype.assert;
  c.Assertion.prototype.assert = function (this: Chai.AssertionStatic, ...args: Parameters<typeof assert>) {
    try {
      return assert.apply(this, args);
    } catch (error) {
      if (error instanceof c.AssertionError) {
        const e = error as Chai.AssertionError & {actual?: unknown; expected?: unknown};
        e.actual = readable(e.actual);
        e.expected = readable(e.expected);
      }
      throw error;
    }
  };
});
