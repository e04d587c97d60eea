import {expect, fixture, html} from '@open-wc/testing';
import '../../src/elements/comment-thread/comment-thread.js';
import type {CommentThread} from '../../src/elements/comment-thread/comment-thread.js';
import {$, $$, shadow, waitUntil} from '../helpers/dom.js';
import {wireStatement, type WireComment} from '../helpers/fake-endpoint.js';

const at = (k: number) => new Date(Date.UTC(2026, 0, 1) + k * 1000).toISOString();
const wire = (id: string, parent: string | null, body: string, k: number): WireComment => ({
  id, parent_id: parent, author: {name: `Author ${id}`}, body, created_at: at(k),
});

/** Issue 12 item 2: a page brings at most 10 replies of a root; "N more replies" brings the rest, in order. */
describe('<comment-thread> with a thread longer than its page', () => {
  it('shows “N more replies” under the root, loads the rest in thread order and focuses the first new reply', async () => {
    const comments: WireComment[] = [wire('root', null, 'The root', 0)];
    for (let i = 1; i <= 25; i++) comments.push(wire(`r${i}`, 'root', `Reply ${i}`, i));
    comments.push(wire('other', null, 'Another root', 100));
    const src = URL.createObjectURL(new Blob([JSON.stringify({statement: wireStatement(), signatories: [], comments})],
      {type: 'application/json'}));
    try {
      const el = await fixture<CommentThread>(html`<comment-thread src=${src} lang="en"></comment-thread>`);
      await waitUntil(() => $(el, '[part="list"]'), 'the thread did not render');
      const bodies = () => $$(el, 'article[part="comment"] [part="body"]').map((b) => b.textContent!.trim());
      await waitUntil(() => bodies().length === 12, 'the first page did not render');
      expect(bodies().slice(0, 3)).to.deep.equal(['The root', 'Reply 1', 'Reply 2']);
      // Authors and bodies are bidi-isolated (issue 12 item 7): a U+202E in them cannot reorder the UI.
      for (const part of ['author', 'body']) expect(getComputedStyle($(el, `[part="${part}"]`)!).unicodeBidi, part).to.equal('isolate');
      const button = $<HTMLButtonElement>(el, '[part="list"] > li:first-child [part="more-button"]')!;
      expect(button.textContent!.trim()).to.equal('15 more replies');
      expect($$(el, '[part="more-button"]')).to.have.length(1);
      button.click();
      await waitUntil(() => bodies().length === 27, 'the rest of the thread did not load');
      expect(bodies().slice(1, 26)).to.deep.equal(Array.from({length: 25}, (_, i) => `Reply ${i + 1}`));
      expect(bodies().at(-1)).to.equal('Another root');
      expect($$(el, '[part="more-button"]')).to.have.length(0);
      await waitUntil(() => shadow(el).activeElement?.textContent?.includes('Reply 11'), 'focus did not move to the first new reply');
      expect($(el, '[part="heading"]')!.textContent!.trim()).to.equal('27 comments');
    } finally {
      URL.revokeObjectURL(src);
    }
  });
});
