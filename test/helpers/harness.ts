/**
 * Per-element harnesses: what a reader sees and does, in the reader's terms
 * (`list.names()`, `list.search('x')`, `thread.reply(...)`). They select by
 * part and role, so a template can change its private class names without
 * touching a test; where a test must read something that has no part, it
 * is read here, in one place.
 */
import {sendKeys} from '@web/test-runner-commands';
import {$, $$, settled, text, texts, waitFor} from './dom.js';

/** A `<signatory-list>` (or one inside a card). */
export function listHarness(el: Element) {
  return {
    el,
    /** Until the list shows people, its empty state or its error. */
    settled: () => settled(el),
    /** The names of the rows rendered, in order. */
    names: () => texts(el, '[part="name"]'),
    /** The rows' numbers as shown ("1,234"). */
    numbers: () => texts(el, '[part="number"]'),
    /** The rendered rows. */
    items: () => $$(el, '[part~="item"]'),
    heading: () => text(el, '[part="heading"]') ?? '',
    /** The search results line ("5 results"): the list's one status region. */
    results: () => text(el, '[role="status"]') ?? '',
    searchBox: () => $<HTMLInputElement>(el, '[part="search-input"]')!,
    /** Types `value` into the search box from the keyboard, as a reader would. */
    async type(value: string): Promise<void> {
      $<HTMLInputElement>(el, '[part="search-input"]')!.focus();
      await sendKeys({type: value});
    },
    /** Types `value`, presses Enter and waits until the results line answers. */
    async search(value: string): Promise<void> {
      const before = this.results();
      await this.type(value);
      await sendKeys({press: 'Enter'});
      await waitFor(() => this.results() !== before || $(el, '[part="empty"]'), `the search for “${value}” did not answer`);
    },
    /** The sign form inside the list, when signing is open. */
    signForm: () => $(el, 'sign-form'),
  };
}

/** A `<comment-thread>`. */
export function threadHarness(el: Element) {
  const articles = () => $$(el, 'article[part="comment"]');
  const bodyOf = (a: Element) => a.querySelector('[part="body"]')?.textContent?.trim() ?? '';
  return {
    el,
    settled: () => settled(el),
    heading: () => text(el, '[part="heading"]') ?? '',
    /** Every comment's body text, in document order (replies after their parent). */
    bodies: () => articles().map(bodyOf),
    /** The bodies of the top-level comments. */
    rootBodies: () => $$(el, '[part="list"] > li > article').map(bodyOf),
    /** The comment whose body reads `body`. */
    comment: (body: string) => articles().find((a) => bodyOf(a) === body),
    /** The open reply form's shadow root, or null. */
    replyForm: () => $(el, 'comment-form[parent-id]')?.shadowRoot ?? null,
    /**
     * Opens the reply form under the comment reading `to`, types the reply and
     * a name, sends it, and resolves once the form has closed.
     */
    async reply(to: string, body: string, name: string): Promise<void> {
      const article = this.comment(to);
      if (!article) throw new Error(`no comment reads “${to}”`);
      article.querySelector<HTMLButtonElement>('[part="reply-button"]')!.click();
      await waitFor(() => this.replyForm()?.querySelector('textarea'), 'the reply form did not open');
      const form = this.replyForm()!;
      form.querySelector<HTMLTextAreaElement>('textarea')!.focus();
      await sendKeys({type: body});
      form.querySelector<HTMLInputElement>('#name')!.focus();
      await sendKeys({type: name});
      form.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
      await waitFor(() => !this.replyForm(), 'the reply form stayed open');
    },
  };
}
