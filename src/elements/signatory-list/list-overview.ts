import type {Signatory, SignatoryKind, SignatoryPage} from '../../api/index.js';

export type Kinds = Record<SignatoryKind, number>;

/** What is known about a source's whole, unfiltered list; it outlives searches so the heading and controls stay put. */
export interface Overview {
  sourceKey: string;
  total?: number;
  kinds?: Kinds;
}

export function countKinds(items: readonly Signatory[]): Kinds {
  const kinds: Kinds = {organization: 0, individual: 0};
  for (const s of items) kinds[s.kind]++;
  return kinds;
}

export interface PageSeen {
  sourceKey: string;
  /** Whether a search or kind filter was in effect. */
  filtered: boolean;
  page: SignatoryPage;
  /** The items loaded before this page, in the same list. */
  before: readonly Signatory[];
}

/**
 * What a page tells about the unfiltered list: `kinds` when the server
 * sends it, else what a complete unfiltered list shows; its total only
 * when unfiltered. Another source starts from nothing.
 */
export function learnOverview(known: Overview | undefined, {sourceKey, filtered, page, before}: PageSeen): Overview {
  const same = known?.sourceKey === sourceKey ? known : {sourceKey};
  let kinds = page.kinds ?? same.kinds;
  if (!page.kinds && !filtered && page.next === null) kinds = countKinds(before.length ? [...before, ...page.items] : page.items);
  return {sourceKey, kinds, total: filtered ? same.total : page.total};
}

/** The heading's words: organizations, people, or neutral when both signed or it is not known. */
export function headingKey(kinds: Kinds | undefined): 'signedOrganizations' | 'signedIndividuals' | 'signedMixed' {
  if (kinds?.organization && !kinds.individual) return 'signedOrganizations';
  if (kinds?.individual && !kinds.organization) return 'signedIndividuals';
  return 'signedMixed';
}
