import {expect, fixture, html} from '@open-wc/testing';
import {LitElement} from 'lit';
import {RELATIVE_TIME_INTERVAL, RelativeTimeController} from '../../src/controllers/relative-time.js';

class TimeProbe extends LitElement {
  readonly time = new RelativeTimeController(this);
  renders = 0;

  override render() {
    this.renders++;
    return html`${this.renders}`;
  }
}
customElements.define('time-probe', TimeProbe);

describe('RelativeTimeController', () => {
  const originalSet = window.setInterval;
  const originalClear = window.clearInterval;
  let intervals: {fn: () => void; ms: number}[];
  let cleared: number;

  beforeEach(() => {
    intervals = [];
    cleared = 0;
    // Capture the shared timer instead of waiting a minute for it.
    window.setInterval = ((fn: () => void, ms: number) => intervals.push({fn, ms})) as typeof setInterval;
    window.clearInterval = (() => void cleared++) as typeof clearInterval;
  });

  afterEach(() => {
    window.setInterval = originalSet;
    window.clearInterval = originalClear;
    delete (document as {hidden?: boolean}).hidden;
  });

  it('runs one timer for all hosts, only while a host is connected', async () => {
    const wrap = await fixture(html`<div><time-probe></time-probe><time-probe></time-probe><time-probe></time-probe></div>`);
    expect(intervals).to.have.length(1);
    expect(intervals[0]!.ms).to.equal(RELATIVE_TIME_INTERVAL);

    const probes = [...wrap.querySelectorAll('time-probe')];
    probes[0]!.remove();
    probes[1]!.remove();
    expect(cleared).to.equal(0);
    // The last one still re-renders on a tick; once it leaves, the timer stops.
    const last = probes[2] as TimeProbe;
    const renders = last.renders;
    intervals[0]!.fn();
    await last.updateComplete;
    expect(last.renders).to.equal(renders + 1);
    last.remove();
    expect(cleared).to.equal(1);
    expect(intervals).to.have.length(1);
  });

  it('asks every connected host to re-render on each tick', async () => {
    const wrap = await fixture(html`<div><time-probe></time-probe><time-probe></time-probe></div>`);
    const probes = [...wrap.querySelectorAll<TimeProbe>('time-probe')];
    const before = probes.map((p) => p.renders);
    intervals[0]!.fn();
    await Promise.all(probes.map((p) => p.updateComplete));
    expect(probes.map((p) => p.renders)).to.deep.equal(before.map((n) => n + 1));
  });

  it('skips ticks while the page is hidden and catches up when it is shown', async () => {
    const el = await fixture<TimeProbe>(html`<time-probe></time-probe>`);
    const before = el.renders;
    Object.defineProperty(document, 'hidden', {value: true, configurable: true});
    intervals[0]!.fn();
    expect(el.isUpdatePending).to.equal(false);
    Object.defineProperty(document, 'hidden', {value: false, configurable: true});
    document.dispatchEvent(new Event('visibilitychange'));
    expect(el.isUpdatePending).to.equal(true);
    await el.updateComplete;
    expect(el.renders).to.equal(before + 1);
  });
});
