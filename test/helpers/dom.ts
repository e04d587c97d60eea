/**
 * Reading a component's shadow DOM the way tests need it: by part and role,
 * never by private class names. One copy for every test file.
 */
import {nextFrame, waitUntil as openWcWaitUntil} from '@open-wc/testing';

/** The open shadow root of a component. */
export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;

/** The first match in `el`'s shadow root, or null. */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null => shadow(el).querySelector<T>(selector);

/** Every match in `el`'s shadow root. */
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [...shadow(el).querySelectorAll<T>(selector)];

/** The text of the first match, whitespace collapsed; undefined when there is none. */
export const text = (el: Element, selector: string): string | undefined => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim();

/** The texts of every match, trimmed. */
export const texts = (el: Element, selector: string): string[] => $$(el, selector).map((n) => n.textContent!.trim());

/**
 * An element's markup, or undefined: failures then print markup (a failing
 * assertion on an element itself stalls the runner).
 */
export const outer = (el: Element, selector: string): string | undefined => $(el, selector)?.outerHTML;

/**
 * A ceiling for conditions that wait on rendering or the network. Generous
 * because a busy machine is slow, and it costs nothing when the condition holds early.
 */
export const CONDITION_TIMEOUT = 5000;

/**
 * @open-wc/testing's waitUntil, with the generous ceiling above instead of
 * its 1 s (a busy machine renders a page slower than that). Tests import it
 * from here under the same name; `options` still sets interval and timeout.
 */
export const waitUntil = (condition: () => unknown, message?: string, options: {interval?: number; timeout?: number} = {}): Promise<void> =>
  openWcWaitUntil(condition, message, {timeout: CONDITION_TIMEOUT, ...options});

/** waitUntil with a timeout as its third argument. */
export const waitFor = (condition: () => unknown, message?: string, timeout = CONDITION_TIMEOUT): Promise<void> =>
  waitUntil(condition, message, {timeout});

/** Until a list or thread shows its content, its empty state or its error. */
export const settled = (el: Element, what = el.localName): Promise<void> =>
  waitFor(() => $(el, '[part="list"], [part="empty"], [part="error"]'), `${what} did not settle`);

/**
 * Until `el` has no update pending and its shadow DOM stays the same across
 * two frames: for counting nodes after something that re-renders in steps.
 */
export async function quiet(el: Element & {updateComplete?: Promise<unknown>}): Promise<void> {
  let last = '';
  await waitFor(async () => {
    await el.updateComplete;
    await nextFrame();
    const now = shadow(el).innerHTML;
    const same = now === last;
    last = now;
    return same;
  }, `${el.localName} kept changing`);
}
