import {LIMITS} from './limits.js';

/** Case- and accent-insensitive text for searching: the same on the server and in static mode. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** The folded text a signatory is found by: its fields, space-separated. */
export function signatorySearchText(s: {
  name: string;
  organization?: string | null;
  role?: string | null;
  location?: string | null;
}): string {
  return foldForSearch([s.name, s.organization, s.role, s.location].filter(Boolean).join(' '));
}

/** A query's words, folded, each once, at most LIMITS.searchWords of them. */
export function searchWords(q: string): string[] {
  const words = foldForSearch(q).split(/\s+/u).filter(Boolean);
  return [...new Set(words)].slice(0, LIMITS.searchWords);
}

/**
 * A row matches when every word of the query occurs in its search text,
 * each in any field: "tomas kyoto" finds Tomás of Kyoto.
 */
export function matchesSearch(searchText: string, words: readonly string[]): boolean {
  return words.every((w) => searchText.includes(w));
}
