/**
 * The console under test: the real reference server (with an admin token),
 * reached through the test page's own origin (/ref/<port>/…, see
 * test/plugins/reference-server.mjs), as the console is on /admin: same
 * origin as the API, so its SameSite=Strict cookie and Origin check apply.
 */
import {fixture, html, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import '../../admin/console.js';
import type {UndersignedConsole} from '../../admin/elements/admin-console/admin-console.js';

export const TOKEN = 'test-admin-token-123456';

export interface ConsoleServer {
  /** The server's own URL, e.g. http://127.0.0.1:5000 (another origin than the page). */
  url: string;
  /** The API through the page's origin, for the console: /ref/5000/v1. */
  api: string;
  /** The public API for the widgets (any origin may read it). */
  endpoint: string;
  /** This file's own copy of the demo statement. */
  statement: string;
}

export async function startConsoleServer(): Promise<ConsoleServer> {
  const {url, statement} = await executeServerCommand<{url: string; statement: string}, Record<string, unknown>>(
    'reference-server', {action: 'start', adminToken: TOKEN});
  const port = new URL(url).port;
  return {url, api: `/ref/${port}/v1`, endpoint: `${url}/v1`, statement};
}

/** Elements inside nested shadow roots: each selector is looked up in the previous match's shadow root. */
export function deep<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T | null {
  let node: Element | null = root;
  for (const sel of selectors) {
    node = (node?.shadowRoot ?? node)?.querySelector(sel) ?? null;
    if (!node) return null;
  }
  return node as T | null;
}

export function deepAll<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T[] {
  const last = selectors.pop()!;
  const parent = selectors.length ? deep(root, ...selectors) : root;
  return parent ? [...(parent.shadowRoot ?? parent).querySelectorAll<T>(last)] : [];
}

/** The deepest element focused, through shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export async function mountConsole(server: ConsoleServer, hash = ''): Promise<UndersignedConsole> {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const el = await fixture<UndersignedConsole>(html`<undersigned-console api=${server.api}></undersigned-console>`);
  await waitUntil(() => deep(el, 'console-sign-in') || deep(el, 'nav'), 'the console did not start');
  return el;
}

export function typeInto(input: HTMLInputElement | HTMLTextAreaElement | null, value: string): void {
  if (!input) throw new Error('no such field');
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
}

/** Signs in, unless this page's session (its cookie) is still open. */
export async function signIn(el: UndersignedConsole, token = TOKEN): Promise<void> {
  if (deep(el, 'nav')) return;
  typeInto(deep(el, 'console-sign-in', '#token'), token);
  deep<HTMLButtonElement>(el, 'console-sign-in', 'button[type=submit]')!.click();
  if (token === TOKEN) await waitUntil(() => deep(el, 'nav'), 'sign-in did not open the console');
}

export const go = (hash: string) => {
  location.hash = hash;
};
