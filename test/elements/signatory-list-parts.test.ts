import {expect} from '@open-wc/testing';
import type {Signatory, SignatoryPage} from '../../src/api/index.js';
import {linkedPosition} from '../../src/elements/signatory-list/deep-link.js';
import {headingKey, learnOverview} from '../../src/elements/signatory-list/list-overview.js';
import {windowRange} from '../../src/elements/signatory-list/virtual-window.js';

const base = {scrollTop: 0, viewport: 400, rowHeight: 100, total: 1000, length: 0, overscan: 2};

describe('windowRange (the rows a long list renders)', () => {
  it('covers the box and the overscan below it at the top', () => {
    // 4 rows in view, one partly shown, and 2 × 2 overscan.
    expect(windowRange(base)).to.deep.equal({start: 0, end: 9});
  });

  it('starts overscan rows above the first visible one', () => {
    expect(windowRange({...base, scrollTop: 5050})).to.deep.equal({start: 48, end: 57});
  });

  it('keeps its length against the end of the list, sliding no further', () => {
    expect(windowRange({...base, scrollTop: 99_600})).to.deep.equal({start: 991, end: 1000});
    expect(windowRange({...base, scrollTop: 1e9})).to.deep.equal({start: 991, end: 1000});
  });

  it('never shrinks below the length it already has', () => {
    expect(windowRange({...base, length: 30}).end).to.equal(30);
    expect(windowRange({...base, viewport: 100, length: 30, scrollTop: 20_000})).to.deep.equal({start: 198, end: 228});
  });

  it('never goes past a short list, and stays sane with odd measurements', () => {
    expect(windowRange({...base, total: 3})).to.deep.equal({start: 0, end: 3});
    expect(windowRange({...base, total: 0})).to.deep.equal({start: 0, end: 0});
    expect(windowRange({...base, scrollTop: -50})).to.deep.equal({start: 0, end: 9});
    const unmeasured = windowRange({...base, rowHeight: 0, viewport: 0});
    expect(unmeasured.start).to.equal(0);
    expect(unmeasured.end).to.be.within(1, 1000);
  });
});

describe('linkedPosition (deep links)', () => {
  it('reads #signatory-N and nothing else', () => {
    expect(linkedPosition('#signatory-1234')).to.equal(1234);
    for (const hash of ['', '#signatory-', '#signatory-12a', '#signatory--1', '#comments', '#signatory-1234567890123']) {
      expect(linkedPosition(hash), hash).to.equal(undefined);
    }
  });
});

describe('the list overview', () => {
  const org = (id: string): Signatory => ({id, name: id, kind: 'organization'});
  const person = (id: string): Signatory => ({id, name: id, kind: 'individual'});
  const page = (items: Signatory[], extra: Partial<SignatoryPage> = {}): SignatoryPage => ({items, total: items.length, next: null, ...extra});

  it('takes kind counts from the server when it sends them', () => {
    const seen = learnOverview(undefined, {sourceKey: 'a', filtered: false, page: page([org('1')], {kinds: {organization: 1, individual: 4}, next: 'x', total: 5}), before: []});
    expect(seen).to.deep.equal({sourceKey: 'a', kinds: {organization: 1, individual: 4}, total: 5});
    expect(headingKey(seen.kinds)).to.equal('signedMixed');
  });

  it('counts kinds itself only from a complete unfiltered list, the pages before included', () => {
    const partial = learnOverview(undefined, {sourceKey: 'a', filtered: false, page: page([org('1')], {next: 'x', total: 2}), before: []});
    expect(partial.kinds).to.equal(undefined);
    const whole = learnOverview(partial, {sourceKey: 'a', filtered: false, page: page([org('2')], {total: 2}), before: [org('1')]});
    expect(whole.kinds).to.deep.equal({organization: 2, individual: 0});
    expect(headingKey(whole.kinds)).to.equal('signedOrganizations');
    expect(headingKey({organization: 0, individual: 3})).to.equal('signedIndividuals');
  });

  it('keeps the unfiltered total through a search, and forgets another source', () => {
    const known = {sourceKey: 'a', total: 40, kinds: {organization: 10, individual: 30}};
    expect(learnOverview(known, {sourceKey: 'a', filtered: true, page: page([person('p')]), before: []}).total).to.equal(40);
    expect(learnOverview(known, {sourceKey: 'b', filtered: true, page: page([person('p')]), before: []})).to.deep.equal({sourceKey: 'b', kinds: undefined, total: undefined});
  });
});
