import type {SignatoryRow} from '../../api.js';

/**
 * A spreadsheet's CSV export read into rows (RFC 4180: quoted fields with
 * "" for a quote, CR LF or LF line ends; a byte-order mark dropped; `;` or
 * tab as the separator when the header line uses it, as many spreadsheet
 * programs write).
 */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const head = src.slice(0, src.search(/\r?\n|$/));
  const sep = [',', ';', '\t'].map((s) => [s, head.split(s).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** The signatory fields a column can fill. */
export const FIELDS = ['name', 'kind', 'organization', 'role', 'location', 'url', 'email', 'signed_at'] as const;
export type Field = (typeof FIELDS)[number];
export type Mapping = Partial<Record<Field, number>>;

export const FIELD_LABELS: Record<Field, string> = {
  name: 'Name', kind: 'Kind (person or organisation)', organization: 'Organisation', role: 'Role',
  location: 'Location', url: 'Website', email: 'E-mail', signed_at: 'Date signed',
};

const GUESSES: Record<Field, RegExp> = {
  name: /name|^nom|^nombre|^nome/i,
  kind: /^(kind|type)/i,
  organization: /^(organi[sz]ation|org|company|affiliation)/i,
  role: /^(role|title|position|function)/i,
  location: /^(location|city|town|place|country)/i,
  url: /^(url|website|web|site|link)/i,
  email: /e-?mail/i,
  signed_at: /^(date|signed|signed.at|timestamp)/i,
};

/** A first mapping from the header's names; the publisher corrects it. */
export function guessMapping(header: string[]): Mapping {
  const mapping: Mapping = {};
  for (const field of FIELDS) {
    const i = header.findIndex((h, j) => GUESSES[field].test(h.trim()) && !Object.values(mapping).includes(j));
    if (i >= 0) mapping[field] = i;
  }
  return mapping;
}

const ORG = /^(org|organi[sz]ation|company|group|ngo|association)/i;

/** Rows as the import route takes them; `kind` from its column, else the default. */
export function toSignatories(rows: string[][], mapping: Mapping, defaultKind: SignatoryRow['kind']): SignatoryRow[] {
  return rows.map((r) => {
    const get = (f: Field) => (mapping[f] === undefined ? '' : (r[mapping[f]!] ?? '').trim());
    const kindText = get('kind');
    const kind: SignatoryRow['kind'] = kindText ? (ORG.test(kindText) ? 'organization' : 'individual') : defaultKind;
    const row: SignatoryRow = {name: get('name'), kind};
    for (const f of ['organization', 'role', 'location', 'url', 'email', 'signed_at'] as const) {
      const v = get(f);
      if (v) row[f] = v;
    }
    return row;
  });
}
