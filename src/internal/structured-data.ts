import type {Statement} from '../api/index.js';
import {safeHttpUrl} from '../text/safe-url.js';
import {trustedScript} from '../text/trusted-types.js';

/**
 * schema.org JSON-LD for statements shown on the page, so search engines
 * see what the widgets show: one `<script type="application/ld+json"
 * data-undersigned="KEY">` in document.head per statement (KEY: its
 * source), shared by every card showing it, updated when it changes, and
 * removed when the last such card leaves the page (a single-page app that
 * navigates away must not keep describing it).
 */

const scripts = new Map<string, {script: HTMLScriptElement; owners: Set<object>}>();

/** The statement as a schema.org Article with its signature and comment counts. */
export function statementJsonLd(statement: Statement): Record<string, unknown> {
  const counter = (type: string, count: number) => ({
    '@type': 'InteractionCounter',
    interactionType: `https://schema.org/${type}`,
    userInteractionCount: count,
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: statement.title,
    description: statement.summary,
    genre: statement.kicker,
    image: safeHttpUrl(statement.image?.url),
    url: safeHttpUrl(statement.url),
    datePublished: statement.publishedAt,
    dateModified: statement.updatedAt,
    interactionStatistic: [counter('EndorseAction', statement.signatories.count), counter('CommentAction', statement.comments.count)],
  };
}

/** Writes (or rewrites) the JSON-LD for `key` on behalf of `owner`. */
export function writeStructuredData(owner: object, key: string, statement: Statement): void {
  let entry = scripts.get(key);
  if (!entry) {
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.dataset.undersigned = key;
    entry = {script, owners: new Set()};
    scripts.set(key, entry);
  }
  entry.owners.add(owner);
  // `<` escaped, so a serialised copy of the page cannot close the script early.
  const json = JSON.stringify(statementJsonLd(statement)).replace(/</g, '\\u003c');
  entry.script.text = trustedScript(json) as string;
  if (!entry.script.isConnected) document.head.append(entry.script);
}

/** `owner` no longer shows the statement at `key`; the last owner out removes the script. */
export function releaseStructuredData(owner: object, key: string): void {
  const entry = scripts.get(key);
  if (!entry?.owners.delete(owner) || entry.owners.size) return;
  entry.script.remove();
  scripts.delete(key);
}
