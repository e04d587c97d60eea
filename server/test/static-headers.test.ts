import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {createApp} from '../src/app.ts';
import type {Store} from '../src/store/store.ts';

// The bundle and static documents as a page on another origin loads them.
describe('static files for cross-origin pages', () => {
  const root = mkdtempSync(join(tmpdir(), 'undersigned-static-'));
  after(() => rmSync(root, {recursive: true, force: true}));
  mkdirSync(join(root, 'dist'));
  mkdirSync(join(root, 'demo', 'data'), {recursive: true});
  writeFileSync(join(root, 'dist', 'undersigned.js'), 'export const a = 1;\n');
  writeFileSync(join(root, 'dist', 'undersigned-sanitize-Ab12Cd34.js'), 'export const b = 2;\n');
  writeFileSync(join(root, 'demo', 'data', 'statement.json'), '{"statement": {}}\n');
  const app = createApp({
    store: {} as Store, adminTokenHash: null, allowedOrigins: null, rateLimit: false, trustProxy: 0,
    staticRoot: root, log: () => {},
  });
  const get = (path: string, headers: Record<string, string> = {}) =>
    app.request(path, {headers: {Origin: 'https://blog.example', ...headers}});

  test('every file may be read and embedded from any origin, with its type', async () => {
    for (const [path, type] of [
      ['/dist/undersigned.js', /javascript/], ['/dist/undersigned-sanitize-Ab12Cd34.js', /javascript/],
      ['/demo/data/statement.json', /application\/json/],
    ] as const) {
      const res = await get(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('access-control-allow-origin'), '*', path);
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin', path);
      assert.match(res.headers.get('content-type') ?? '', type, path);
    }
  });

  test('the entry and documents are revalidated by ETag; hashed siblings are immutable', async () => {
    for (const path of ['/dist/undersigned.js', '/demo/data/statement.json']) {
      const first = await get(path);
      assert.equal(first.headers.get('cache-control'), 'public, no-cache', path);
      const etag = first.headers.get('etag');
      assert.ok(etag, path);
      const again = await get(path, {'If-None-Match': etag});
      assert.equal(again.status, 304, path);
      assert.equal(again.headers.get('access-control-allow-origin'), '*', path);
    }
    const sibling = await get('/dist/undersigned-sanitize-Ab12Cd34.js');
    assert.equal(sibling.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  test('a missing file is a 404 without the cache headers', async () => {
    const res = await get('/dist/undersigned-nothing-Zz99Yy88.js');
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });
});
