import type {ItemStatus} from '../../api.js';

/** Status words as a publisher reads them; any other status is shown by its own name. */
const WORDS: Record<string, string> = {
  published: 'published', unconfirmed: 'unconfirmed', pending: 'pending', hidden: 'hidden',
};
const ORDER = ['published', 'unconfirmed', 'pending', 'hidden'];

/** "12 published · 3 pending · 1 hidden": every status the server counts, known ones first. */
export function statusCounts(counts: Record<ItemStatus, number>, kind: 'signatory' | 'comment'): string {
  const keys = [...ORDER.filter((k) => k in counts), ...Object.keys(counts).filter((k) => !ORDER.includes(k))];
  const published = kind === 'signatory' && 'unconfirmed' in counts ? 'confirmed' : 'published';
  return keys.map((k) => `${counts[k] ?? 0} ${k === 'published' ? published : WORDS[k] ?? k}`).join(' · ');
}
