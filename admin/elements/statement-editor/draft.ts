import type {StatementDoc} from '../../api.js';

/**
 * Unsaved edits, kept in this browser's localStorage per statement so a
 * reload (or a closed tab) loses nothing. Only the statement being edited
 * is kept here, never the admin token or the session.
 */
const key = (id: string | undefined) => `undersigned-console:draft:${id ?? '(new)'}`;

export interface Draft {
  doc: StatementDoc;
  saved_at: string;
}

export function readDraft(id: string | undefined): Draft | null {
  try {
    const raw = localStorage.getItem(key(id));
    const draft = raw ? (JSON.parse(raw) as Draft) : null;
    return draft && typeof draft.doc === 'object' && draft.doc !== null ? draft : null;
  } catch {
    return null;
  }
}

export function writeDraft(id: string | undefined, doc: StatementDoc): void {
  try {
    localStorage.setItem(key(id), JSON.stringify({doc, saved_at: new Date().toISOString()}));
  } catch {
    // Storage full or refused: the edit still stands in the page.
  }
}

export function clearDraft(id: string | undefined): void {
  localStorage.removeItem(key(id));
}

/** datetime-local's value (local time, minutes) for an ISO instant, and back. */
export const toLocalInput = (iso: string | undefined): string => {
  if (!iso || Number.isNaN(Date.parse(iso))) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export const fromLocalInput = (value: string): string | undefined =>
  value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined;

/** The document as PUT wants it: empty optional texts and an image without a URL left out. */
export function cleanDoc(doc: StatementDoc): StatementDoc {
  const out: StatementDoc = {...doc};
  for (const k of ['kicker', 'summary', 'url', 'published_at'] as const) if (!out[k]) delete out[k];
  if (out.image) {
    const image = Object.fromEntries(Object.entries(out.image).filter(([, v]) => v !== '' && v !== undefined && v !== null));
    if (!image.url) delete out.image;
    else out.image = image as unknown as StatementDoc['image'];
  }
  out.notes = (out.notes ?? []).filter((n) => n.text.trim()).map((n) => ({...n, ...(n.label ? {} : {label: undefined})}));
  return JSON.parse(JSON.stringify(out)) as StatementDoc;
}

export const emptyDoc = (): StatementDoc => ({
  id: '', title: '', body: '', notes: [],
  signatories_open: true, comments_open: true, moderation: 'none', email_required: false, goal: null,
});
