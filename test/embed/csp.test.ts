import {expect} from '@open-wc/testing';
import {deep, deepWait, openPage, type EmbedFrame} from '../helpers/embed-frame.js';
import {referenceServer} from '../helpers/reference-server.js';
import {waitUntil} from '../helpers/dom.js';

// The built bundle on pages served with the strict policy in
// test/plugins/embed-pages.mjs (default-src 'self'; script-src 'self';
// style-src 'self'; img-src 'self' https: data:; require-trusted-types-for
// 'script'; trusted-types lit-html undersigned).

function expectClean(page: EmbedFrame) {
  expect(page.report.violations, 'CSP violations').to.deep.equal([]);
  expect(page.report.errors, 'uncaught errors').to.deep.equal([]);
  expect(page.report.consoleErrors, 'console errors').to.deep.equal([]);
  expect(page.report.warnings, 'console warnings').to.deep.equal([]);
}

describe('under a strict Content-Security-Policy', () => {
  let page: EmbedFrame | undefined;
  afterEach(() => page?.remove());

  it('the page really enforces the policy: inline scripts and style attributes are blocked', async () => {
    page = await openPage('/test/embed/pages/csp-static.html');
    const {doc, win} = page;
    expect(() => {
      doc.createElement('div').innerHTML = '<b>x</b>';
    }).to.throw(/TrustedHTML/);
    const probe = doc.createElement('div');
    probe.setAttribute('style', 'color: red');
    doc.body.append(probe);
    expect(win.getComputedStyle(probe).color).not.to.equal('rgb(255, 0, 0)');
    await waitUntil(() => page!.report.violations.some((v) => v.startsWith('style-src')), 'no violation for a style attribute');
    expect(page.report.violations[0]).to.match(/^require-trusted-types-for/);
    probe.remove();
  });

  it('renders the card with its sanitised body, the signatories and the comments from a static document', async () => {
    page = await openPage('/test/embed/pages/csp-static.html');
    const {doc} = page;
    const title = await deepWait(doc, 'statement-card', '[part=title]');
    expect(title.textContent).to.equal('Keep the Wren River whole');
    const body = deep(doc, 'statement-card', '[part=body]')!;
    expect(body.querySelectorAll('p').length).to.be.greaterThan(2);
    expect(body.querySelector('strong')!.textContent).to.equal('pause the proposed diversion of the Wren River');
    const image = deep<HTMLImageElement>(doc, 'statement-card', '[part=image]')!;
    await waitUntil(() => image.complete && image.naturalWidth > 0, 'the hero image did not load', {timeout: 8000});
    await deepWait(doc, 'signatory-list', '[part=item]');
    await deepWait(doc, 'comment-thread', '[part=comment]');
    // The card's JSON-LD is script text, a Trusted Types sink: written through the `undersigned` policy.
    await waitUntil(() => doc.head.querySelector('script[type="application/ld+json"]'), 'no JSON-LD', {timeout: 8000});
    const data = JSON.parse(doc.head.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(data.headline).to.equal('Keep the Wren River whole');
    expectClean(page);
  });

  it('renders every element against a live endpoint, and a signature goes through', async function () {
    // A fresh reference server (an in-memory PostgreSQL), a page and a write: slow on a busy machine.
    this.timeout(30000);
    const {endpoint, statement} = await referenceServer.start();
    page = await openPage(`/test/embed/pages/csp-live.html?endpoint=${encodeURIComponent(endpoint)}&statement=${encodeURIComponent(statement)}`);
    const {doc} = page;
    await deepWait(doc, 'statement-card', '[part=body] p');
    await deepWait(doc, 'signatory-list', '[part=item]');
    await deepWait(doc, 'comment-thread', '[part=comment]');
    const name = await deepWait<HTMLInputElement>(doc, 'signatory-list', 'sign-form', 'input#name');
    await deepWait(doc, 'comment-thread', 'comment-form', 'textarea');
    name.value = 'Strict Policy Choir';
    name.dispatchEvent(new Event('input'));
    deep<HTMLButtonElement>(doc, 'signatory-list', 'sign-form', '[part=submit-button]')!.click();
    const confirmation = await deepWait(doc, 'signatory-list', 'sign-form', '[part=confirmation]');
    expect(confirmation.textContent!.trim()).not.to.equal('');
    await waitUntil(
      () => [...doc.querySelector('signatory-list')!.shadowRoot!.querySelectorAll('[part~=name]')].some((n) => n.textContent!.includes('Strict Policy Choir')),
      'the new signature is not listed',
      {timeout: 8000}
    );
    expectClean(page);
  });
});
