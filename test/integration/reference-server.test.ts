import {expect} from '@open-wc/testing';
import {HttpSource} from '../../src/api/index.js';
import {referenceServer, SERVER_START_TIMEOUT} from '../helpers/reference-server.js';

describe('the reference server, from the browser', () => {
  it('serves the demo statement across origins and survives a restart', async function () {
    this.timeout(SERVER_START_TIMEOUT);
    const {endpoint, statement: id} = await referenceServer.start();
    const source = new HttpSource(endpoint, id);
    const statement = await source.statement();
    expect(statement.title).to.equal('Keep the Wren River whole');
    const page = await source.signatories({limit: 5});
    expect(page.items.map((s) => s.position)).to.deep.equal([1, 2, 3, 4, 5]);
    await referenceServer.stop();
    expect(await referenceServer.resume()).to.deep.equal({endpoint, statement: id});
    expect((await source.signatories({limit: 5})).total).to.equal(page.total);
  });

  it('gives each start a fresh copy of the demo statement', async function () {
    this.timeout(SERVER_START_TIMEOUT);
    const first = await referenceServer.start();
    const second = await referenceServer.start();
    expect(second.statement).not.to.equal(first.statement);
    // A start replaces this file's server; both copies live in the one database.
    const [a, b] = await Promise.all([first, second].map(({statement}) => new HttpSource(second.endpoint, statement).signatories({limit: 1})));
    expect(a.total).to.be.greaterThan(0);
    expect(b.total).to.equal(a.total);
  });
});
