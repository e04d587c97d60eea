import type {SignatoryRecord} from './store/store.ts';

/** RFC 4180 CSV, safe to open in a spreadsheet. */

// A cell a spreadsheet would run as a formula gets a leading apostrophe.
const FORMULA = /^[=+\-@\t\r]/;

// Controls other than tab and line feed (ESC, BEL, CR, C1) would reach a terminal raw (`export` prints to one).
const CONTROL = /[\0-\x08\x0b-\x1f\x7f-\x9f]/g;

export function csvCell(value: string | number | boolean | null): string {
  let s = value === null ? '' : String(value);
  if (FORMULA.test(s)) s = `'${s}`;
  s = s.replace(CONTROL, '\uFFFD');
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * A statement's signatories for the publisher: every row, e-mail included,
 * after a byte-order mark so spreadsheet programs read it as UTF-8 (accents).
 */
export function signatoriesCsv(rows: readonly SignatoryRecord[]): string {
  return '\uFEFF' + toCsv(
    ['position', 'id', 'name', 'kind', 'organization', 'role', 'location', 'url', 'email', 'public', 'status', 'signed_at', 'verified'],
    rows.map((r) => [r.position, r.id, r.name, r.kind, r.organization, r.role, r.location, r.url, r.email,
      r.public, r.status, r.signed_at.toISOString(), r.verified_domain]),
  );
}
