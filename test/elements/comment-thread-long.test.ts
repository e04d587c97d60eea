import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/elements/comment-thread/comment-thread.js';
import type {CommentThread} from '../../src/elements/comment-thread/comment-thread.js';
import {$, $$, settled, shadow, waitUntil} from '../helpers/dom.js';
import {threadHarness} from '../helpers/harness.js';
import {FakeEndpoint, wireStatement, type WireComment} from '../helpers/fake-endpoint.js';

/**
 * `roots` top-level comments, root k with k % 4 replies in a chain and
 * bodies of one to three paragraphs: threads of different heights, as a
 * real discussion has.
 */
function discussion(roots: number): WireComment[] {
  const out: WireComment[] = [];
  const at = (k: number) => new Date(Date.UTC(2026, 0, 1) + k * 1000).toISOString();
  for (let r = 0; r < roots; r++) {
    const paragraphs = Array.from({length: 1 + (r % 3)}, (_, p) => `Root ${r} paragraph ${p}: the council should hear the farmers before it votes on the intake.`);
    out.push({id: `r${r}`, parent_id: null, author: {name: `Root ${r}`}, body: paragraphs.join('\n\n'), created_at: at(out.length)});
    for (let k = 0; k < r % 4; k++) {
      out.push({id: `r${r}-${k}`, parent_id: k ? `r${r}-${k - 1}` : `r${r}`, author: {name: `Reply ${r}.${k}`}, body: `Reply ${k} under ${r}.`, created_at: at(out.length)});
    }
  }
  return out;
}

const firstLine = (a: Element | null | undefined) => a?.querySelector('[part="body"]')?.textContent?.trim().split(':')[0];

describe('<comment-thread> with a long discussion', () => {
  let api: FakeEndpoint | undefined;
  afterEach(() => {
    api?.restore();
    api = undefined;
    document.scrollingElement!.scrollTop = 0;
  });

  it('after each "Load more" moves focus to the first new comment, page after page', async () => {
    api = new FakeEndpoint({statement: wireStatement(), comments: discussion(40)});
    const el = await fixture<CommentThread>(html`<comment-thread endpoint="https://api.test/v1" statement="test-letter" page-size="4" lang="en"></comment-thread>`);
    await settled(el);
    const thread = threadHarness(el);
    for (let page = 1; page < 10; page++) {
      $<HTMLButtonElement>(el, '.more [part="more-button"]')!.click();
      await waitUntil(() => thread.rootBodies().length === (page + 1) * 4, `page ${page + 1} did not arrive`);
      await waitUntil(() => shadow(el).activeElement?.matches('article'), `nothing focused after page ${page + 1}`);
      expect(firstLine(shadow(el).activeElement), `focus after page ${page + 1}`).to.equal(`Root ${page * 4} paragraph 0`);
    }
    expect($(el, '.more [part="more-button"]')).to.equal(null);
  });

  it('End reaches the last comment of a long loaded thread', async () => {
    const comments = discussion(600);
    const src = URL.createObjectURL(new Blob([JSON.stringify({statement: wireStatement(), signatories: [], comments})], {type: 'application/json'}));
    try {
      const el = await fixture<CommentThread>(html`<comment-thread src=${src} page-size="1000" lang="en"></comment-thread>`);
      await waitUntil(() => $$(el, 'article[part="comment"]').length === comments.length, 'not every comment rendered', {timeout: 20_000});
      const last = $$(el, 'article[part="comment"]').at(-1)!;
      expect(last.textContent).to.contain('Reply 2 under 599.');
      const box = document.scrollingElement!;
      const inView = () => {
        const r = last.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      };
      expect(inView()).to.equal(false);
      (document.activeElement as HTMLElement | null)?.blur();
      await sendKeys({press: 'End'});
      // Where the page stops after one End, the last comment is on screen (and stays there).
      let height = -1;
      await waitUntil(() => {
        const stable = box.scrollHeight === height && box.scrollTop + box.clientHeight >= box.scrollHeight - 1;
        height = box.scrollHeight;
        return stable && inView();
      }, 'one End did not bring the last comment into view', {interval: 100, timeout: 10_000});
    } finally {
      URL.revokeObjectURL(src);
    }
  }).timeout(40_000);
});
