import {HttpSource} from './http-source.js';
import {StaticSource} from './static-source.js';
import type {StatementSource} from './types.js';

export * from './types.js';
export {ApiError, isAbortError, type ApiErrorKind, type Problem} from './errors.js';
export {HttpSource} from './http-source.js';
export {StaticSource} from './static-source.js';
export {fetchJson, defaultPolicy, type FetchPolicy} from './fetch.js';

/** What an element's attributes say about where its data comes from. */
export interface SourceAttributes {
  endpoint?: string | null;
  statement?: string | null;
  src?: string | null;
}

const sources = new Map<string, StatementSource>();

/**
 * The source for a set of attributes, or undefined when they name none.
 * `src` wins over `endpoint`. Sources are shared by key, so elements
 * reading one static document load it once.
 */
export function sourceFor({endpoint, statement, src}: SourceAttributes): StatementSource | undefined {
  if (src) {
    const source = new StaticSource(src);
    return remember(source);
  }
  if (endpoint && statement) return remember(new HttpSource(endpoint, statement));
  return undefined;
}

function remember(source: StatementSource): StatementSource {
  const known = sources.get(source.key);
  if (known) return known;
  sources.set(source.key, source);
  return source;
}
