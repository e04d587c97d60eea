import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/elements/sign-form/sign-form.js';
import type {SignForm} from '../../src/elements/sign-form/sign-form.js';
import {FakeEndpoint, wireStatement} from '../helpers/fake-endpoint.js';
import {listedSignatories, referenceServer, SERVER_START_TIMEOUT} from '../helpers/reference-server.js';
import {shadow, waitUntil} from '../helpers/dom.js';

const field = (el: SignForm, id: string) => shadow(el).querySelector<HTMLInputElement>(`#${id}`)!;
const submitButton = (el: SignForm) => shadow(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!;

async function form(endpoint: string, statement: string): Promise<SignForm> {
  const el = await fixture<SignForm>(html`<sign-form lang="en" endpoint=${endpoint} statement=${statement}></sign-form>`);
  await waitUntil(() => shadow(el).querySelector('form, [part~="closed"]'), 'the form did not appear');
  return el;
}

async function type(el: SignForm, id: string, text: string): Promise<void> {
  field(el, id).focus();
  await sendKeys({type: text});
}

describe('<sign-form> against the reference server', () => {
  let endpoint: string;
  let demo: string;
  before(async function () {
    this.timeout(SERVER_START_TIMEOUT);
    ({endpoint, statement: demo} = await referenceServer.start());
  });
  beforeEach(() => localStorage.clear());

  it('signs end to end from the keyboard alone, announces it and fires undersigned-sign', async () => {
    const before = await listedSignatories(endpoint, demo);
    const el = await form(endpoint, demo);
    await expect(el).to.be.accessible();
    // Keyboard only: type in the name, Tab through the kind radios to the later fields.
    field(el, 'name').focus();
    await sendKeys({type: 'Ana Lucía Pérez'});
    await sendKeys({press: 'Tab'});
    expect(shadow(el).activeElement?.getAttribute('name')).to.equal('kind');
    await sendKeys({press: 'Tab'});
    expect(shadow(el).activeElement?.id).to.equal('organization');
    await sendKeys({type: 'Friends of the Wren'});
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'Volunteer'});
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'Millbrook'});
    const signed = oneEvent(el, 'undersigned-sign');
    await sendKeys({press: 'Enter'});
    const {detail} = await signed;
    expect(detail.status).to.equal('published');
    expect(detail.signatory).to.include({name: 'Ana Lucía Pérez', organization: 'Friends of the Wren', location: 'Millbrook'});
    const status = shadow(el).querySelector('[role="status"]')!;
    await waitUntil(() => status.textContent?.includes('your name has been added'), 'no confirmation');
    // The thank-you takes the filled form's place, and the reader's focus.
    expect(shadow(el).querySelector('form')).to.equal(null);
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('[part="confirmation"]'));
    expect(await listedSignatories(endpoint, demo)).to.equal(before + 1);
    await expect(el).to.be.accessible();
  });

  it('shows what is missing at its field, focuses it, and sends nothing', async () => {
    const el = await form(endpoint, demo);
    await type(el, 'email', 'not-an-address');
    submitButton(el).click();
    await waitUntil(() => field(el, 'name').getAttribute('aria-invalid') === 'true');
    expect(shadow(el).querySelector('#name-error')?.textContent).to.equal('Required.');
    expect(shadow(el).querySelector('#email-error')?.textContent).to.equal('Enter a valid e-mail address.');
    expect(field(el, 'name').getAttribute('aria-describedby')).to.equal('name-error');
    expect(shadow(el).activeElement).to.equal(field(el, 'name'));
    await expect(el).to.be.accessible();
  });

  it('refuses exactly what the server refuses: lengths in code points, a dotted e-mail domain, visible control-free names', async () => {
    const cases: Array<{field: 'name' | 'email'; value: string; valid: boolean}> = [
      {field: 'name', value: '😀'.repeat(200), valid: true},
      {field: 'name', value: '😀'.repeat(201), valid: false},
      {field: 'name', value: '\u200b\u202e\u2066', valid: false},
      {field: 'name', value: 'Eve\u001b[2J', valid: false},
      {field: 'email', value: 'ana@example', valid: false},
      {field: 'email', value: 'ana@example.org', valid: true},
    ];
    for (const c of cases) {
      const values = {name: 'Ana', email: '', [c.field]: c.value};
      const server = await fetch(`${endpoint}/statements/${demo}/signatories`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({...values, email: values.email || undefined, kind: 'individual', public: false}),
      });
      expect(server.status, `server on ${c.field} ${JSON.stringify(c.value)}`).to.equal(c.valid ? 201 : 422);
      const el = await form(endpoint, demo);
      for (const [id, value] of Object.entries(values)) {
        field(el, id).value = value;
        field(el, id).dispatchEvent(new Event('input'));
      }
      submitButton(el).click();
      const refused = () => shadow(el).querySelector(`#${c.field}[aria-invalid="true"]`) !== null;
      await waitUntil(() => refused() || shadow(el).querySelector('[part="confirmation"]'), `the form decided nothing on ${c.field}`);
      expect(!refused(), `form on ${c.field} ${JSON.stringify(c.value)}`).to.equal(c.valid);
    }
  });

  it('a reload after signing sees the signature: the browser revalidates its cached copy', async () => {
    // What a reload asks for, through the browser's HTTP cache (default mode).
    const url = `${endpoint}/statements/${demo}/signatories?limit=50&sort=newest`;
    const names = async () => ((await (await fetch(url)).json()) as {items: {name: string}[]}).items.map((s) => s.name);
    expect(await names()).to.not.include('Reload Reader');
    const el = await form(endpoint, demo);
    await type(el, 'name', 'Reload Reader');
    const signed = oneEvent(el, 'undersigned-sign');
    submitButton(el).click();
    await signed;
    expect(await names()).to.include('Reload Reader');
  });

  it('records one signature for a double click', async () => {
    const before = await listedSignatories(endpoint, demo);
    const el = await form(endpoint, demo);
    await type(el, 'name', 'Double Clicker');
    const signed = oneEvent(el, 'undersigned-sign');
    submitButton(el).click();
    submitButton(el).click();
    await signed;
    expect(await listedSignatories(endpoint, demo)).to.equal(before + 1);
  });

  it('keeps the form filled while the server is down, and a retry after it is back records exactly one', async () => {
    const before = await listedSignatories(endpoint, demo);
    const el = await form(endpoint, demo);
    await type(el, 'name', 'Patient Person');
    await referenceServer.stop();
    try {
      const failed = oneEvent(el, 'undersigned-error');
      submitButton(el).click();
      expect((await failed).detail.action).to.equal('sign');
    } finally {
      await referenceServer.resume();
    }
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.contain('Your text is kept');
    expect(field(el, 'name').value).to.equal('Patient Person');
    const signed = oneEvent(el, 'undersigned-sign');
    submitButton(el).click();
    await signed;
    expect(await listedSignatories(endpoint, demo)).to.equal(before + 1);
  });

  it('records exactly one when the server took it but the answer was lost, and the reader retries', async () => {
    const before = await listedSignatories(endpoint, demo);
    const realFetch = window.fetch;
    const keys: (string | null)[] = [];
    // Every attempt reaches the server; the first three answers are lost on the way back.
    let lose = 3;
    window.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      if (init?.method === 'POST') {
        keys.push(new Headers(init.headers).get('Idempotency-Key'));
        if (lose-- > 0) throw new TypeError('Failed to fetch');
      }
      return response;
    };
    try {
      const el = await form(endpoint, demo);
      await type(el, 'name', 'Lost Answer');
      const failed = oneEvent(el, 'undersigned-error');
      submitButton(el).click();
      await failed;
      const signed = oneEvent(el, 'undersigned-sign');
      submitButton(el).click();
      await signed;
    } finally {
      window.fetch = realFetch;
    }
    expect(keys).to.have.length(4);
    expect(new Set(keys).size).to.equal(1);
    expect(await listedSignatories(endpoint, demo)).to.equal(before + 1);
  });

  it('keeps a draft across a reload of the page until the server confirms it', async () => {
    const first = await form(endpoint, demo);
    await type(first, 'name', 'Draft Keeper');
    await type(first, 'location', 'Lyon');
    first.remove();
    const second = await form(endpoint, demo);
    expect(field(second, 'name').value).to.equal('Draft Keeper');
    expect(field(second, 'location').value).to.equal('Lyon');
  });

  it('says signing is closed instead of showing the form', async () => {
    const closed = await referenceServer.putStatement({id: 'closed-letter', signatories_open: false});
    const el = await form(endpoint, closed);
    expect(shadow(el).querySelector('form')).to.equal(null);
    expect(shadow(el).textContent).to.contain('Signing is closed.');
  });

  it('asks for an e-mail address where the statement requires one', async () => {
    const strict = await referenceServer.putStatement({id: 'email-letter', email_required: true});
    const el = await form(endpoint, strict);
    await type(el, 'name', 'No Mail');
    submitButton(el).click();
    await waitUntil(() => shadow(el).querySelector('#email-error'));
    expect(field(el, 'email').required).to.equal(true);
  });

  it('says when to try again after too many attempts', async function () {
    this.timeout(SERVER_START_TIMEOUT);
    const limited = await referenceServer.start({rateLimit: 1});
    try {
      const first = await form(limited.endpoint, limited.statement);
      await type(first, 'name', 'First');
      const signed = oneEvent(first, 'undersigned-sign');
      submitButton(first).click();
      await signed;
      // Someone else at the same address, in a form of their own.
      const el = await form(limited.endpoint, limited.statement);
      await type(el, 'name', 'Second');
      submitButton(el).click();
      await waitUntil(() => shadow(el).querySelector('[role="alert"]')?.textContent?.includes('Try again in'));
      expect(field(el, 'name').value).to.equal('Second');
    } finally {
      ({endpoint, statement: demo} = await referenceServer.start());
    }
  });
});

describe('<sign-form> with a server that names fields', () => {
  let api: FakeEndpoint;
  afterEach(() => api.restore());

  it('shows a 422 at the fields it names', async () => {
    api = new FakeEndpoint({statement: wireStatement({signatories: {count: 0, open: true}})});
    api.fail(/signatories$/, {status: 422, body: {title: 'Invalid', status: 422, errors: {location: 'Unknown place.'}}});
    const el = await form(api.base, 'test-letter');
    await type(el, 'name', 'Someone');
    submitButton(el).click();
    await waitUntil(() => shadow(el).querySelector('#location-error'));
    expect(shadow(el).querySelector('#location-error')?.textContent).to.equal('Unknown place.');
    expect(field(el, 'location').getAttribute('aria-invalid')).to.equal('true');
  });

  it('asks to check the inbox when the server answers unconfirmed', async () => {
    api = new FakeEndpoint({statement: wireStatement({signatories: {count: 0, open: true}})});
    api.fail(/signatories$/, {status: 201, body: {signatory: {id: 's1', name: 'Someone', kind: 'individual'}, status: 'unconfirmed'}});
    const el = await form(api.base, 'test-letter');
    await type(el, 'name', 'Someone');
    const signed = oneEvent(el, 'undersigned-sign');
    submitButton(el).click();
    expect((await signed).detail.status).to.equal('unconfirmed');
    await waitUntil(() => shadow(el).querySelector('[part="confirmation"]'));
    expect(shadow(el).querySelector('[part="confirmation"]')?.textContent?.trim())
      .to.equal('Thank you. Check your inbox to confirm your signature.');
  });

  it('is hidden in static mode', async () => {
    api = new FakeEndpoint({statement: wireStatement()});
    const doc = URL.createObjectURL(new Blob([JSON.stringify({statement: wireStatement()})], {type: 'application/json'}));
    const el = await fixture<SignForm>(html`<sign-form src=${doc}></sign-form>`);
    await el.updateComplete;
    expect(shadow(el).querySelector('form')).to.equal(null);
  });
});

describe('<sign-form> in right-to-left pages', () => {
  let api: FakeEndpoint;
  beforeEach(() => {
    api = new FakeEndpoint({statement: wireStatement()});
  });
  afterEach(() => {
    api.restore();
    document.documentElement.removeAttribute('dir');
  });
  /** The page scrolls sideways when something sits far outside it, as the hidden honeypot field did. */
  const pageWidth = () => document.documentElement.scrollWidth;

  it('keeps the page its own width in an Arabic container (the honeypot stays inside)', async () => {
    const wrapper = await fixture(html`<div dir="rtl" lang="ar">
      <sign-form endpoint="https://api.test/v1" statement="test-letter"></sign-form>
    </div>`);
    const el = wrapper.querySelector<SignForm>('sign-form')!;
    await waitUntil(() => shadow(el).querySelector('form'), 'the form did not appear');
    expect(pageWidth()).to.be.at.most(window.innerWidth);
  });

  it('keeps the page its own width with an English form on <html dir="rtl">', async () => {
    document.documentElement.dir = 'rtl';
    const el = await form('https://api.test/v1', 'test-letter');
    expect(shadow(el).querySelector('form')).to.exist;
    expect(pageWidth()).to.be.at.most(window.innerWidth);
  });
});
