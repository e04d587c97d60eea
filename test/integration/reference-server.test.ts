import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {HttpSource} from '../../src/api/index.js';

describe('the reference server, from the browser', () => {
  it('serves the demo statement across origins and survives a restart', async () => {
    const {url} = await executeServerCommand<{url: string}, {action: string}>('reference-server', {action: 'start'});
    const source = new HttpSource(`${url}/v1`, 'wren-river');
    const statement = await source.statement();
    expect(statement.title).to.equal('Keep the Wren River whole');
    const page = await source.signatories({limit: 5});
    expect(page.items.map((s) => s.position)).to.deep.equal([1, 2, 3, 4, 5]);
    await executeServerCommand('reference-server', {action: 'stop'});
    await executeServerCommand('reference-server', {action: 'resume'});
    expect((await source.signatories({limit: 5})).total).to.equal(page.total);
  });
});
