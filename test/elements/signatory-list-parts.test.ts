import {expect} from '@open-wc/testing';
import type {Signatory, SignatoryPage} from '../../src/api/index.js';
import {linkedPosition} from '../../src/elements/signatory-list/deep-link.js';
import {headingKey, learnOverview} from '../../src/elements/signatory-list/list-overview.js';
import {windowRange} from '../../src/elements/signatory-list/virtual-window.js';
import {SparseRows, addSpan, firstUncovered} from '../../src/elements/signatory-list/sparse-rows.js';

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

describe('rows by position (random access)', () => {
  const row = (position: number) => ({id: `s${position}`, position, name: `Org ${position}`, kind: 'organization' as const});
  const rows = (from: number, to: number) => Array.from({length: to - from + 1}, (_, i) => row(from + i));

  it('merges overlapping and touching spans, keeping them in order', () => {
    expect(addSpan([], [5, 9])).to.deep.equal([[5, 9]]);
    expect(addSpan([[1, 4], [20, 30]], [5, 9])).to.deep.equal([[1, 9], [20, 30]]);
    expect(addSpan([[1, 4], [20, 30]], [11, 12])).to.deep.equal([[1, 4], [11, 12], [20, 30]]);
    expect(addSpan([[1, 4], [20, 30]], [3, 25])).to.deep.equal([[1, 30]]);
    expect(addSpan([[1, 4]], [10, Infinity])).to.deep.equal([[1, 4], [10, Infinity]]);
  });

  it('finds the first position no span covers', () => {
    expect(firstUncovered([], 3, 9)).to.equal(3);
    expect(firstUncovered([[1, 4], [6, 9]], 1, 9)).to.equal(5);
    expect(firstUncovered([[1, 4], [5, 9]], 2, 9)).to.equal(undefined);
    expect(firstUncovered([[1, 4], [10, Infinity]], 2, 1e9)).to.equal(5);
    expect(firstUncovered([[10, Infinity]], 10, 1e9)).to.equal(undefined);
  });

  it('tells rows, gaps and unknown positions apart', () => {
    const list = new SparseRows();
    list.add(1, rows(1, 50), false);
    list.add(500, [...rows(500, 502), ...rows(505, 520)], false);
    expect(list.at(2)).to.deep.include({name: 'Org 2'});
    expect(list.at(51)).to.equal(undefined);
    expect(list.at(503)).to.equal('gap');
    expect(list.at(505)).to.deep.include({name: 'Org 505'});
    expect(list.at(521)).to.equal(undefined);
    expect(list.missing(40, 60)).to.equal(51);
    expect(list.missing(500, 520)).to.equal(undefined);
  });

  it('sizes the box by the estimate until the last page says where the list ends', () => {
    const list = new SparseRows();
    list.add(1, rows(1, 50), false);
    expect(list.size(1000)).to.equal(1000);
    list.add(990, rows(990, 1003), false);
    expect(list.size(1000)).to.equal(1003);
    list.add(1004, rows(1004, 1010), true);
    expect(list.size(1000)).to.equal(1010);
    expect(list.at(5000)).to.equal('gap');
  });

  it('shrinks an estimate past the end once a page there comes back empty', () => {
    const list = new SparseRows();
    list.add(1, rows(1, 50), false);
    list.add(900, [], true);
    expect(list.size(1000)).to.equal(899);
    expect(list.missing(880, 899)).to.equal(880);
  });
});
