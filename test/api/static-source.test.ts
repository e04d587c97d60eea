import {expect} from '@open-wc/testing';
import {ApiError, StaticSource} from '../../src/api/index.js';

function documentUrl(doc: unknown): string {
  return URL.createObjectURL(new Blob([JSON.stringify(doc)], {type: 'application/json'}));
}

const doc = {
  statement: {id: 'x', title: 'T'},
  signatories: [
    {id: 'a', name: 'Asociación Río Claro', kind: 'organization', location: 'Córdoba'},
    {id: 'b', name: 'Jane Doe', kind: 'individual', location: 'Lyon, France'},
    {id: 'c', name: 'Friends of the River', kind: 'organization', location: 'San Diego, California'},
  ],
  comments: [
    {id: 'c1', parent_id: null, author: {name: 'A'}, body: 'root 1', created_at: '2026-01-01T00:00:00Z'},
    {id: 'c2', parent_id: null, author: {name: 'B'}, body: 'root 2', created_at: '2026-01-02T00:00:00Z'},
    {id: 'c3', parent_id: 'c1', author: {name: 'C'}, body: 'reply', created_at: '2026-01-03T00:00:00Z'},
    {id: 'c4', parent_id: 'c3', author: {name: 'D'}, body: 'reply to reply', created_at: '2026-01-04T00:00:00Z'},
    {id: 'c5', parent_id: 'gone', author: {name: 'E'}, body: 'orphan', created_at: '2026-01-05T00:00:00Z'},
  ],
};

describe('StaticSource', () => {
  const source = new StaticSource(documentUrl(doc));

  it('numbers signatories by their place in the whole list and keeps it when filtered', async () => {
    const page = await source.signatories({kind: 'organization'});
    expect(page.items.map((s) => [s.name, s.position])).to.deep.equal([
      ['Asociación Río Claro', 1],
      ['Friends of the River', 3],
    ]);
    expect(page.total).to.equal(2);
    expect(page.kinds).to.deep.equal({organization: 2, individual: 1});
  });

  it('searches names and places regardless of case and accents', async () => {
    expect((await source.signatories({q: 'rio claro'})).items.map((s) => s.id)).to.deep.equal(['a']);
    expect((await source.signatories({q: 'CORDOBA'})).items.map((s) => s.id)).to.deep.equal(['a']);
    expect((await source.signatories({q: 'california'})).items.map((s) => s.id)).to.deep.equal(['c']);
  });

  it('finds a row when each word of the search matches some field', async () => {
    expect((await source.signatories({q: 'jane lyon'})).items.map((s) => s.id)).to.deep.equal(['b']);
    expect((await source.signatories({q: '  CORDOBA   asociacion '})).items.map((s) => s.id)).to.deep.equal(['a']);
    expect((await source.signatories({q: 'jane california'})).items).to.deep.equal([]);
  });

  it('pages with an opaque cursor', async () => {
    const first = await source.signatories({limit: 2});
    expect(first.items).to.have.length(2);
    const second = await source.signatories({limit: 2, cursor: first.next});
    expect(second.items.map((s) => s.id)).to.deep.equal(['c']);
    expect(second.next).to.equal(null);
  });

  it('pages comments by roots, with each root followed by all its replies', async () => {
    const first = await source.comments({limit: 1});
    expect(first.items.map((c) => c.id)).to.deep.equal(['c1', 'c3', 'c4']);
    expect(first.total).to.equal(5);
    const newest = await source.comments({sort: 'newest', limit: 2});
    expect(newest.items.map((c) => c.id)).to.deep.equal(['c5', 'c2']);
  });

  it('refuses writes', async () => {
    expect(source.writable).to.equal(false);
    let refused = false;
    await source.sign().catch(() => (refused = true));
    expect(refused).to.equal(true);
  });

  it('checks each signatory when its page is asked for: a malformed row fails that page and searches, not the first page', async () => {
    const people = Array.from({length: 120}, (_, i) => ({id: `p${i}`, name: `Person ${i + 1}`, kind: 'individual'}));
    people[99] = {id: 'p99', name: '<b>no kind</b>'} as (typeof people)[number];
    const broken = new StaticSource(documentUrl({statement: {id: 'x', title: 'T'}, signatories: people}));
    const first = await broken.signatories({limit: 50});
    expect(first.items.map((s) => s.position)).to.deep.equal(Array.from({length: 50}, (_, i) => i + 1));
    expect(first.total).to.equal(120);
    const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
    const second = await failure(broken.signatories({limit: 50, cursor: first.next}));
    expect(second).to.be.instanceOf(ApiError);
    expect((second as ApiError).kind).to.equal('invalid');
    expect((second as ApiError).message).to.contain('signatories[99].kind');
    expect(((await failure(broken.signatories({q: 'person'}))) as ApiError).kind).to.equal('invalid');
  });
});
