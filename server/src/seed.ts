import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {Store} from './store/store.ts';
import {normalizeDomain} from './domains.ts';
import type {StaticDocument, WireComment, WireSignatory} from './types.ts';
import {parseNewComment, parseNewSignatory, parseStatementInput} from './validation.ts';

export const DEMO_DOCUMENT = fileURLToPath(new URL('../../demo/data/statement.json', import.meta.url));

/** Reads and checks a static-mode document (DESIGN.md "Static mode"). */
export function readDocument(path: string): {input: ReturnType<typeof parseStatementInput>} & Pick<StaticDocument, 'signatories' | 'comments'> {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as Partial<StaticDocument>;
  if (!doc.statement) throw new Error(`${path}: no "statement"`);
  const input = parseStatementInput(doc.statement);
  const signatories = (doc.signatories ?? []).map((s: WireSignatory, i) => {
    parseNewSignatory(s);
    if (!s.id || !Number.isInteger(s.position) || Number.isNaN(Date.parse(s.signed_at))) {
      throw new Error(`${path}: signatory ${i} needs id, position and signed_at`);
    }
    if (s.verified === undefined) return s;
    const domain = typeof s.verified?.domain === 'string' ? normalizeDomain(s.verified.domain) : null;
    if (domain === null) throw new Error(`${path}: signatory ${i}'s verified needs a domain`);
    return {...s, verified: {domain}};
  });
  const comments = (doc.comments ?? []).map((c: WireComment, i) => {
    parseNewComment(c);
    if (!c.id || Number.isNaN(Date.parse(c.created_at))) throw new Error(`${path}: comment ${i} needs id and created_at`);
    return c;
  });
  return {input, signatories, comments};
}

/** Loads the demo statement into an empty database; true when it did. */
export async function seedDemo(store: Store, path = DEMO_DOCUMENT): Promise<boolean> {
  if (!(await store.isEmpty())) return false;
  const {input, signatories, comments} = readDocument(path);
  return store.importDocument(input, {signatories, comments});
}
