import {expect, fixture, html} from '@open-wc/testing';
import {LitElement} from 'lit';
import {Task} from '../../src/controllers/task.js';
import {waitUntil} from '../helpers/dom.js';

/** A host whose value is `provided` when it has one (as a card hands its children the statement), else loaded. */
class TaskProbe extends LitElement {
  static override properties = {provided: {attribute: false}};
  declare provided: string | undefined;
  loads: Array<(value: string) => void> = [];
  renders = 0;
  readonly task = new Task(this, {
    task: ([provided]) => (provided !== undefined ? Promise.resolve(provided) : new Promise<string>((resolve) => this.loads.push(resolve))),
    args: () => [this.provided] as const,
    ready: ([provided]) => provided,
  });

  protected override render() {
    this.renders++;
    return html`<p>${this.task.value ?? 'nothing yet'}</p>`;
  }
}
customElements.define('task-probe', TaskProbe);

const shown = (el: TaskProbe) => el.shadowRoot!.querySelector('p')!.textContent;

describe('Task', () => {
  it('takes a value its arguments already hold in the same update: one render per new value', async () => {
    const el = await fixture<TaskProbe>(html`<task-probe .provided=${'first'}></task-probe>`);
    expect(shown(el)).to.equal('first');
    const before = el.renders;
    el.provided = 'second';
    await el.updateComplete;
    expect(shown(el)).to.equal('second');
    // Let any pending-then-complete cycle show itself.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    expect(el.renders - before).to.equal(1);
  });

  it('loads when the arguments hold nothing, and a value that arrives meanwhile wins over the load', async () => {
    const el = await fixture<TaskProbe>(html`<task-probe></task-probe>`);
    await waitUntil(() => el.loads.length === 1, 'no load started');
    expect(shown(el)).to.equal('nothing yet');
    el.provided = 'from the card';
    await el.updateComplete;
    el.loads[0]!('loaded late');
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    expect(shown(el)).to.equal('from the card');
  });
});
