import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {isAtDomains, normalizeDomain, registrableDomain, urlDomain, verifiedDomain} from '../src/domains.ts';

describe('registrable domains (Public Suffix List)', () => {
  test('of hosts and URLs', () => {
    assert.equal(registrableDomain('www.riverkeepers.org'), 'riverkeepers.org');
    assert.equal(registrableDomain('RiverKeepers.ORG.'), 'riverkeepers.org');
    assert.equal(registrableDomain('news.bbc.co.uk'), 'bbc.co.uk');
    assert.equal(registrableDomain('co.uk'), null, 'a bare public suffix is nobody’s');
    assert.equal(registrableDomain('alice.blogspot.com'), 'alice.blogspot.com', 'private suffixes separate owners');
    assert.equal(urlDomain('https://www.riverkeepers.org/about?x=1'), 'riverkeepers.org');
    assert.equal(urlDomain('http://riverkeepers.org:8080'), 'riverkeepers.org');
    assert.equal(urlDomain('ftp://riverkeepers.org'), null);
    assert.equal(urlDomain('not a url'), null);
  });

  test('IP hosts have none', () => {
    assert.equal(registrableDomain('127.0.0.1'), null);
    assert.equal(urlDomain('https://192.0.2.7/'), null);
    assert.equal(urlDomain('https://[2001:db8::1]/'), null);
    assert.equal(verifiedDomain('press@[192.0.2.7]', 'https://192.0.2.7/'), null);
    assert.equal(verifiedDomain('press@192.0.2.7', 'https://192.0.2.7/'), null);
  });

  test('IDN compare as punycode', () => {
    assert.equal(registrableDomain('www.münchen.de'), 'xn--mnchen-3ya.de');
    assert.equal(verifiedDomain('presse@münchen.de', 'https://www.xn--mnchen-3ya.de/'), 'xn--mnchen-3ya.de');
    // Cyrillic "а" in place of the Latin one: another domain.
    assert.equal(verifiedDomain('press@rivеrkeepers.org', 'https://riverkeepers.org'), null);
  });
});

describe('verified organisations', () => {
  const site = 'https://www.riverkeepers.org';
  test('an address at the site’s registrable domain verifies it', () => {
    assert.equal(verifiedDomain('press@riverkeepers.org', site), 'riverkeepers.org');
    assert.equal(verifiedDomain('Press@RiverKeepers.org', site), 'riverkeepers.org');
    assert.equal(verifiedDomain('press@mail.riverkeepers.org', 'https://riverkeepers.org'), 'riverkeepers.org');
    assert.equal(verifiedDomain('clerk@council.bbc.co.uk', 'https://www.bbc.co.uk/'), 'bbc.co.uk');
  });

  test('look-alikes do not', () => {
    assert.equal(verifiedDomain('press@evil-riverkeepers.org', site), null);
    assert.equal(verifiedDomain('press@riverkeepers.org.evil.com', site), null);
    assert.equal(verifiedDomain('press@riverkeepers.org', 'https://riverkeepers.org.evil.com'), null);
    assert.equal(verifiedDomain('press@riverkeepers.com', site), null);
    assert.equal(verifiedDomain('press@other.co.uk', 'https://bbc.co.uk'), null, 'co.uk is a suffix, not a domain');
    assert.equal(verifiedDomain('bob@bob.blogspot.com', 'https://alice.blogspot.com'), null);
    assert.equal(verifiedDomain('press@gmail.com', site), null);
    assert.equal(verifiedDomain('riverkeepers.org', site), null, 'not an address');
  });
});

describe('allowed domains', () => {
  test('are normalised, and refused when nobody can have mail there', () => {
    assert.equal(normalizeDomain(' Uni.Example. '), 'uni.example');
    assert.equal(normalizeDomain('münchen.de'), 'xn--mnchen-3ya.de');
    for (const bad of ['co.uk', 'org', '192.0.2.1', '', 'a..b.org', 'not a domain', '@x.org']) assert.equal(normalizeDomain(bad), null, bad);
  });

  test('admit the domain and its subdomains only', () => {
    const domains = ['riverkeepers.org', 'bbc.co.uk'];
    assert.equal(isAtDomains('press@riverkeepers.org', domains), true);
    assert.equal(isAtDomains('press@mail.RiverKeepers.org', domains), true);
    assert.equal(isAtDomains('clerk@bbc.co.uk', domains), true);
    assert.equal(isAtDomains('press@evil-riverkeepers.org', domains), false);
    assert.equal(isAtDomains('press@riverkeepers.org.evil.com', domains), false);
    assert.equal(isAtDomains('a@other.co.uk', domains), false);
    assert.equal(isAtDomains('nobody', domains), false);
  });
});
