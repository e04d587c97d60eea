import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import '../../src/elements/sign-form/sign-form.js';
import type {SignForm} from '../../src/elements/sign-form/sign-form.js';
import {referenceServer, SERVER_START_TIMEOUT} from '../helpers/reference-server.js';
import {shadow, waitUntil} from '../helpers/dom.js';

// Issue 9 item 5, the widget side: invitation-only and domain-restricted signing.

const field = (el: SignForm, id: string) => shadow(el).querySelector<HTMLInputElement>(`#${id}`)!;
const formError = (el: SignForm) => shadow(el).querySelector('.form-error')!.textContent!.trim();

async function form(endpoint: string, statement: string, attrs: {lang?: string; invite?: string} = {}): Promise<SignForm> {
  const el = await fixture<SignForm>(html`<sign-form lang=${attrs.lang ?? 'en'} endpoint=${endpoint} statement=${statement}
    invite=${attrs.invite ?? ''}></sign-form>`);
  await waitUntil(() => shadow(el).querySelector('form, [part~="invite-only"], [part~="closed"]'), 'the form did not appear');
  return el;
}

function fill(el: SignForm, values: Record<string, string>): void {
  for (const [id, value] of Object.entries(values)) {
    field(el, id).value = value;
    field(el, id).dispatchEvent(new Event('input'));
  }
}

const submit = (el: SignForm) => shadow(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();

describe('<sign-form> where signing is by invitation or by domain', () => {
  let endpoint: string;
  let byInvite: string;
  let byDomain: string;
  const pageUrl = location.href;
  before(async function () {
    this.timeout(SERVER_START_TIMEOUT);
    ({endpoint} = await referenceServer.start());
    byInvite = await referenceServer.putStatement({id: 'by-invite', signing: 'invite'});
    byDomain = await referenceServer.putStatement({id: 'by-domain', signing: 'domains', allowed_domains: ['uni.example', 'coalition.example']});
  });
  beforeEach(() => localStorage.clear());
  afterEach(() => history.replaceState(null, '', pageUrl));

  it('without an invitation says signing is by invitation instead of showing a form', async () => {
    const el = await form(endpoint, byInvite);
    expect(shadow(el).querySelector('form')).to.equal(null);
    expect(shadow(el).querySelector('[part~="invite-only"]')!.textContent).to.equal(
      'Signing is by invitation. Open the link in your invitation to sign.'
    );
    await expect(el).to.be.accessible();
  });

  it('signs with the ?invite= token of the page address, which then lets nobody else through', async () => {
    const [token] = await referenceServer.invite(byInvite, 1);
    history.replaceState(null, '', `?invite=${encodeURIComponent(token!)}`);
    const first = await form(endpoint, byInvite);
    fill(first, {name: 'Invited Ines'});
    const signed = oneEvent(first, 'undersigned-sign');
    submit(first);
    expect((await signed).detail.signatory.name).to.equal('Invited Ines');

    // The same link forwarded: refused, and what was typed stays.
    localStorage.clear();
    const second = await form(endpoint, byInvite);
    fill(second, {name: 'Forwarded Fred'});
    submit(second);
    await waitUntil(() => formError(second), 'no error for a used invitation');
    expect(formError(second)).to.equal('This invitation is not valid, or it has been used already.');
    expect(field(second, 'name').value).to.equal('Forwarded Fred');
    expect(shadow(second).querySelector('[part="confirmation"]')).to.equal(null);
  });

  it('takes the token from its invite attribute too, and a forged one is refused at the form', async () => {
    const el = await form(endpoint, byInvite, {invite: 'forged-token-forged-token-forged'});
    fill(el, {name: 'Mallory'});
    submit(el);
    await waitUntil(() => formError(el), 'no error for a forged invitation');
    expect(formError(el)).to.equal('This invitation is not valid, or it has been used already.');
    expect(field(el, 'name').value).to.equal('Mallory');
  });

  it('names the allowed domains under a required e-mail field and refuses others before sending', async () => {
    const el = await form(endpoint, byDomain);
    const email = field(el, 'email');
    expect(email.required).to.equal(true);
    const hint = shadow(el).querySelector('#email-hint')!;
    expect(hint.textContent).to.equal('Only addresses at uni.example or coalition.example can sign.');
    expect(email.getAttribute('aria-describedby')).to.equal('email-hint');
    let sent = 0;
    el.addEventListener('undersigned-sign', () => sent++);
    for (const address of ['ana@evil-uni.example', 'ana@uni.example.evil.com', 'ana@example.org']) {
      fill(el, {name: 'Ana', email: address});
      submit(el);
      await waitUntil(() => shadow(el).querySelector('#email-error'), `no error for ${address}`);
      expect(shadow(el).querySelector('#email-error')!.textContent).to.equal('Use an address at uni.example or coalition.example.');
    }
    // A subdomain of an allowed domain is at it.
    fill(el, {name: 'Ana', email: 'ana@mail.uni.example'});
    const signed = oneEvent(el, 'undersigned-sign');
    submit(el);
    await signed;
    expect(sent).to.equal(1);
  });

  it('says it in the reader\'s language, right to left in Arabic', async () => {
    const el = await form(endpoint, byInvite, {lang: 'ar'});
    const message = shadow(el).querySelector<HTMLElement>('[part~="invite-only"]')!;
    expect(message.textContent).to.equal('التوقيع بدعوة فقط. افتح الرابط الوارد في دعوتك لتوقّع.');
    expect(getComputedStyle(message).direction).to.equal('rtl');
  });

  it('lists the domains with the language\'s own "or"', async () => {
    const el = await form(endpoint, byDomain, {lang: 'de'});
    expect(shadow(el).querySelector('#email-hint')!.textContent).to.equal(
      'Unterzeichnen können nur Adressen bei uni.example oder coalition.example.'
    );
  });
});
