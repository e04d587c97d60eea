/**
 * Opens one of the embed test pages (test/embed/pages, served by
 * test/plugins/embed-pages.mjs) in a same-origin iframe, as a host site
 * would show it, and reads what its watch script recorded.
 */
import {waitUntil} from '@open-wc/testing';

export interface PageReport {
  violations: string[];
  errors: string[];
  consoleErrors: string[];
  warnings: string[];
}

export interface EmbedFrame {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis & {__report: PageReport};
  doc: Document;
  report: PageReport;
  remove(): void;
}

/** Loads `url` in an iframe `width` CSS pixels wide and resolves once its load event fired. */
export async function openPage(url: string, width = 800): Promise<EmbedFrame> {
  const frame = document.createElement('iframe');
  frame.width = String(width);
  frame.height = '900';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as EmbedFrame['win'];
  return {
    frame,
    win,
    doc: frame.contentDocument!,
    get report() {
      return win.__report;
    },
    remove: () => frame.remove(),
  };
}

/** The first element matching `selectors` in turn, each inside the previous one's shadow root. */
export function deep<T extends Element = HTMLElement>(root: ParentNode, ...selectors: string[]): T | null {
  let scope: ParentNode | null = root;
  let found: Element | null = null;
  for (const selector of selectors) {
    found = scope?.querySelector(selector) ?? null;
    if (!found) return null;
    scope = found.shadowRoot ?? found;
  }
  return found as T | null;
}

/** Waits until `selectors` find an element, and returns it. */
export async function deepWait<T extends Element = HTMLElement>(root: ParentNode, ...selectors: string[]): Promise<T> {
  await waitUntil(() => deep(root, ...selectors), `nothing at ${selectors.join(' >> ')}`, {timeout: 8000});
  return deep<T>(root, ...selectors)!;
}
