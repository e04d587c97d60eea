import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/elements/statement-card/statement-card.js';
import '../../src/elements/signatory-list/signatory-list.js';
import type {SignatoryList} from '../../src/elements/signatory-list/signatory-list.js';
import type {StatementCard} from '../../src/elements/statement-card/statement-card.js';
import {$, waitUntil} from '../helpers/dom.js';
import {listedSignatories, referenceServerPerSuite} from '../helpers/reference-server.js';

const signForm = (list: SignatoryList) => $(list, 'sign-form')?.shadowRoot?.querySelector('form') ?? null;

describe('signing, end to end against the reference server', () => {
  const server = referenceServerPerSuite();
  beforeEach(() => localStorage.clear());

  it('signs from the list inside a card: the count goes up and the new name is listed last', async () => {
    const before = await listedSignatories(server.endpoint, server.statement);
    const card = await fixture<StatementCard>(html`<statement-card lang="en" endpoint=${server.endpoint} statement=${server.statement}>
      <signatory-list page-size="200"></signatory-list>
    </statement-card>`);
    const list = card.querySelector('signatory-list')!;
    await waitUntil(() => signForm(list), 'the sign form did not appear');
    const heading = () => $(list, '[part="heading"]')!.textContent!.trim();
    expect(heading()).to.equal(`${before} have signed`);
    await expect(list).to.be.accessible();

    (signForm(list)!.querySelector('#name') as HTMLInputElement).focus();
    await sendKeys({type: 'Lotte Brandt'});
    (signForm(list)!.querySelector('#location') as HTMLInputElement).focus();
    await sendKeys({type: 'Köln, Deutschland'});
    // What the list says about anonymous signers before: a public signature must not change it.
    const unlisted = () => $(list, '[part="unlisted"]')?.textContent?.trim() ?? null;
    const unlistedBefore = unlisted();
    const signed = oneEvent(card, 'undersigned-sign');
    await sendKeys({press: 'Enter'});
    const {detail} = await signed;
    expect(detail.status).to.equal('published');

    await waitUntil(() => heading() === `${before + 1} have signed`, 'the count did not go up');
    const items = [...list.shadowRoot!.querySelectorAll('[part~="item"]')];
    const last = items[items.length - 1];
    expect(last.textContent).to.contain('Lotte Brandt');
    expect(last.getAttribute('data-position')).to.equal(String(detail.signatory.position));
    expect(unlisted()).to.equal(unlistedBefore);
    expect(await listedSignatories(server.endpoint, server.statement)).to.equal(before + 1);
  });

  it('shows no form for a static document', async () => {
    const list = await fixture<SignatoryList>(html`<signatory-list lang="en" src="/demo/data/statement.json"></signatory-list>`);
    await waitUntil(() => $(list, '[part="list"]'), 'the list did not load');
    expect($(list, 'sign-form')).to.equal(null);
  });
});
