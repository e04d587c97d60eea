import {expect} from '@open-wc/testing';
import {ApiError, fetchJson, HttpSource, type FetchPolicy} from '../../src/api/index.js';
import {FakeEndpoint, wireStatement} from '../helpers/fake-endpoint.js';

const fast: FetchPolicy = {timeout: 200, retries: 2, backoff: 1, maxRetryAfter: 1};
const url = 'https://api.test/v1/statements/test-letter';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('fetchJson', () => {
  let api: FakeEndpoint;
  beforeEach(() => (api = new FakeEndpoint({statement: wireStatement()})));
  afterEach(() => api.restore());

  it('retries a 503 and a network error, then returns the body', async () => {
    api.fail(/^\/statements\/test-letter$/, {status: 503});
    api.fail(/^\/statements\/test-letter$/, {network: true});
    const body = (await fetchJson(url, {}, fast)) as {id: string};
    expect(body.id).to.equal('test-letter');
    expect(api.requests).to.have.length(3);
  });

  it('gives up after its retries with the last error', async () => {
    api.fail(/.*/, {status: 500, body: {title: 'Database down', status: 500}}, 5);
    const error = await rejection(fetchJson(url, {}, fast));
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).status).to.equal(500);
    expect((error as ApiError).problem?.title).to.equal('Database down');
    expect(api.requests).to.have.length(3);
  });

  it('honours Retry-After on a 429, and does not wait longer than it accepts', async () => {
    api.fail(/.*/, {status: 429, headers: {'Retry-After': '0'}});
    expect(await fetchJson(url, {}, fast)).to.have.property('id');
    api.fail(/.*/, {status: 429, headers: {'Retry-After': '120'}});
    const error = (await rejection(fetchJson(url, {}, fast))) as ApiError;
    expect(error.status).to.equal(429);
    expect(error.retryAfter).to.equal(120);
  });

  it('does not retry a 404 or a 422, and keeps the problem details', async () => {
    api.fail(/.*/, {status: 422, body: {title: 'Invalid', status: 422, errors: {name: 'Required'}}});
    const error = (await rejection(fetchJson(url, {}, fast))) as ApiError;
    expect(error.kind).to.equal('http');
    expect(error.problem?.errors).to.deep.equal({name: 'Required'});
    expect(api.requests).to.have.length(1);
  });

  it('times out a request that never answers', async () => {
    api.fail(/.*/, {hang: true}, 3);
    const error = (await rejection(fetchJson(url, {}, fast))) as ApiError;
    expect(error.kind).to.equal('timeout');
    expect(api.requests).to.have.length(3);
    expect(api.requests.every((r) => r.signal?.aborted)).to.equal(true);
  });

  it('rejects with an AbortError, without retrying, when the caller aborts', async () => {
    api.fail(/.*/, {hang: true});
    const controller = new AbortController();
    const pending = fetchJson(url, {signal: controller.signal}, fast);
    controller.abort();
    const error = (await rejection(pending)) as DOMException;
    expect(error.name).to.equal('AbortError');
    expect(api.requests).to.have.length(1);
  });

  it('turns a 200 that is not JSON into an invalid-response error', async () => {
    api.fail(/.*/, {raw: '<html>oops</html>'});
    const error = (await rejection(fetchJson(url, {}, fast))) as ApiError;
    expect(error.kind).to.equal('invalid');
  });
});

describe('HttpSource', () => {
  let api: FakeEndpoint;
  beforeEach(() => (api = new FakeEndpoint({statement: wireStatement()})));
  afterEach(() => api.restore());

  it('turns a body of the wrong shape into an invalid-response error', async () => {
    api.fail(/.*/, {status: 200, body: {id: 'test-letter', title: 42}});
    const source = new HttpSource('https://api.test/v1', 'test-letter', fast);
    const error = (await rejection(source.statement())) as ApiError;
    expect(error.kind).to.equal('invalid');
    expect(error.message).to.contain('statement.title');
  });

  it('maps wire fields to camelCase and fills defaults', async () => {
    api.data.statement = {id: 'test-letter', title: 'T', body: '<p>x</p>', published_at: '2026-01-01T00:00:00Z'};
    const statement = await new HttpSource('https://api.test/v1/', 'test-letter', fast).statement();
    expect(statement.publishedAt).to.equal('2026-01-01T00:00:00Z');
    expect(statement.notes).to.deep.equal([]);
    expect(statement.signatories).to.deep.include({count: 0, open: false});
  });

  it('sends writes with their Idempotency-Key and the same key on retry', async () => {
    api.fail(/signatories$/, {status: 503});
    api.fail(/signatories$/, {status: 201, body: {signatory: {id: 's9', name: 'A', kind: 'individual'}, status: 'pending'}});
    const source = new HttpSource('https://api.test/v1', 'test-letter', fast);
    const result = await source.sign({name: 'A', kind: 'individual', public: true}, {idempotencyKey: 'key-1'});
    expect(result.status).to.equal('pending');
    expect(api.requests.map((r) => r.headers.get('Idempotency-Key'))).to.deep.equal(['key-1', 'key-1']);
  });

  it('encodes the statement id and resolves a relative endpoint against the page', () => {
    const source = new HttpSource('/v1', 'a b/c');
    expect(source.key).to.equal(`http ${location.origin}/v1/statements/a%20b%2Fc`);
  });
});
