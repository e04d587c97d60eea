import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/elements/statement-card/statement-card.js';
import '../../src/elements/signatory-list/signatory-list.js';
import type {SignatoryList} from '../../src/elements/signatory-list/signatory-list.js';
import type {StatementCard} from '../../src/elements/statement-card/statement-card.js';
import {$, waitUntil} from '../helpers/dom.js';
import {listedSignatories, referenceServer, referenceServerPerSuite} from '../helpers/reference-server.js';

const signForm = (list: SignatoryList) => $(list, 'sign-form')?.shadowRoot?.querySelector('form') ?? null;

describe('e-mail confirmation, end to end against the reference server', () => {
  const server = referenceServerPerSuite({confirmation: 'email'});
  beforeEach(() => localStorage.clear());

  const card = () => fixture<StatementCard>(html`<statement-card lang="en" endpoint=${server.endpoint} statement=${server.statement}>
      <signatory-list page-size="200"></signatory-list>
    </statement-card>`);

  it('signing says "Check your inbox", lists nobody; the mailed link, pressed, lists the name with the next number', async () => {
    const before = await listedSignatories(server.endpoint, server.statement);
    const first = await card();
    const list = first.querySelector('signatory-list')!;
    await waitUntil(() => signForm(list), 'the sign form did not appear');
    const heading = () => $(list, '[part="heading"]')!.textContent!.trim();
    expect(heading()).to.equal(`${before} have signed`);
    const email = `mira-${Date.now()}@example.org`;

    (signForm(list)!.querySelector('#name') as HTMLInputElement).focus();
    await sendKeys({type: 'Mira Okafor'});
    const address = signForm(list)!.querySelector('#email') as HTMLInputElement;
    expect(address.required, 'the statement asks for an address').to.equal(true);
    address.focus();
    await sendKeys({type: email});
    const signed = oneEvent(first, 'undersigned-sign');
    await sendKeys({press: 'Enter'});
    const {detail} = await signed;
    expect(detail.status).to.equal('unconfirmed');

    const sign = $(list, 'sign-form')!;
    await waitUntil(() => sign.shadowRoot!.textContent!.includes('Check your inbox to confirm your signature'),
      'the form did not ask to check the inbox');
    expect(heading()).to.equal(`${before} have signed`);
    expect(list.shadowRoot!.textContent).not.to.contain('Mira Okafor');
    expect(await listedSignatories(server.endpoint, server.statement)).to.equal(before);

    let mails = await referenceServer.mails(email);
    await waitUntil(async () => (mails = await referenceServer.mails(email)).length === 1, 'no confirmation mail');
    expect(mails[0]!.subject).to.match(/^Confirm your signature: /);
    const pressed = await referenceServer.press(mails[0]!.link!);
    expect(pressed.status).to.equal(200);
    expect(pressed.text).to.contain('your signature is confirmed');

    const again = await card();
    const reloaded = again.querySelector('signatory-list')!;
    await waitUntil(() => [...reloaded.shadowRoot!.querySelectorAll('[part~="item"]')].some((i) => i.textContent!.includes('Mira Okafor')),
      'the confirmed name is not listed');
    const items = [...reloaded.shadowRoot!.querySelectorAll('[part~="item"]')];
    const mine = items.find((i) => i.textContent!.includes('Mira Okafor'))!;
    expect(mine.getAttribute('data-position')).to.equal(String(before + 1));
    expect($(reloaded, '[part="heading"]')!.textContent!.trim()).to.equal(`${before + 1} have signed`);
  });
});
