import {html, LitElement, nothing} from 'lit';
import {customElement, property, state} from 'lit/decorators.js';
import type {AdminApi, ItemRef, ItemStatus, QueueItem} from '../../api.js';
import {consoleStyles} from '../../styles.js';
import {queueStyles} from './moderation-queue.styles.js';

/** How long "Undo" stays offered after hide or delete. */
export const UNDO_MS = 8000;

const refOf = (i: QueueItem): ItemRef => ({statement_id: i.statement_id, kind: i.kind, id: i.id});
const keyOf = (i: ItemRef) => `${i.statement_id}/${i.kind}/${i.id}`;

/**
 * Pending signatures and comments across statements, newest first, with
 * what a moderator needs (statement, e-mail, state, the comment a reply
 * answers); approve, hide or delete one or many, by mouse or keyboard
 * (a approve, h hide, d delete, x select, j/k next/previous, u undo).
 * Hide and delete can be undone for a few seconds: a delete is only sent
 * once that time is over. Published items can be searched and hidden.
 */
@customElement('console-moderation-queue')
export class ConsoleModerationQueue extends LitElement {
  static override styles = [consoleStyles, queueStyles];

  @property({attribute: false}) accessor api!: AdminApi;
  /** Only this statement's items; all statements when unset. */
  @property({attribute: false}) accessor statementId: string | undefined;
  @state() private accessor status: ItemStatus = 'pending';
  @state() private accessor query = '';
  @state() private accessor items: QueueItem[] | undefined;
  @state() private accessor selected = new Set<string>();
  @state() private accessor current = 0;
  @state() private accessor message = '';
  @state() private accessor undo: {label: string; run: () => Promise<void>} | undefined;
  private undoTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingDelete: (() => Promise<void>) | undefined;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    void this.flushDelete();
  }

  private loads = 0;

  /** Reads the list; when loads overlap (filter changed, then search), the last one asked wins. */
  async load() {
    const n = ++this.loads;
    const {items} = await this.api.queue({status: this.status, statement: this.statementId, q: this.query, limit: 100});
    if (n !== this.loads) return;
    this.items = items;
    this.current = Math.min(this.current, Math.max(0, items.length - 1));
    this.selected = new Set([...this.selected].filter((k) => items.some((i) => keyOf(i) === k)));
  }

  override render() {
    const items = this.items;
    return html`
      <h1 tabindex="-1">Moderation${this.statementId ? html` of <code>${this.statementId}</code>` : nothing}</h1>
      <form class="filters" @submit=${this.search} role="search">
        <label for="status">Show</label>
        <select id="status" @change=${this.changeStatus} .value=${this.status}>
          <option value="pending">Waiting for approval</option>
          <option value="published">Published</option>
          <option value="hidden">Hidden</option>
        </select>
        <label for="q">Search names and text</label>
        <input id="q" type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}>
        <button type="submit" class="secondary">Search</button>
      </form>
      <p class="hint" id="keys">Keyboard, in the list: <kbd>j</kbd>/<kbd>k</kbd> next/previous, <kbd>x</kbd> select,
        <kbd>a</kbd> approve, <kbd>h</kbd> hide, <kbd>d</kbd> delete, <kbd>u</kbd> undo. Without a selection, the keys act on the current item.</p>
      <div class="actions" role="group" aria-label="Selected items">
        <button @click=${() => this.act('published')} ?disabled=${!this.selected.size}>Approve selected</button>
        <button class="secondary" @click=${() => this.act('hidden')} ?disabled=${!this.selected.size}>Hide selected</button>
        <button class="danger" @click=${() => this.act('delete')} ?disabled=${!this.selected.size}>Delete selected</button>
      </div>
      <div role="status" class="ok live">${this.message}
        ${this.undo ? html`<button class="secondary" @click=${this.runUndo}>Undo</button>` : nothing}</div>
      ${items === undefined ? html`<p>Loading…</p>` : items.length === 0 ? html`<p>Nothing here.</p>` : html`
        <ul class="items" aria-label="Items" aria-describedby="keys" @keydown=${this.onKey}>
          ${items.map((item, i) => this.item(item, i))}
        </ul>`}`;
  }

  private item(item: QueueItem, i: number) {
    const key = keyOf(item);
    const extra = Object.entries(item).filter(([k]) => ['confirmed', 'confirmed_at', 'verification'].includes(k));
    return html`<li class=${i === this.current ? 'current' : ''} tabindex=${i === this.current ? '0' : '-1'}
        data-key=${key} aria-labelledby="t-${i}" @focus=${() => (this.current = i)}>
      <input type="checkbox" id="sel-${i}" .checked=${this.selected.has(key)} @change=${() => this.toggle(key)}
        aria-label="Select ${item.name}">
      <div class="what">
        <p id="t-${i}"><strong>${item.name}</strong> — ${item.kind === 'comment' ? 'comment' : 'signature'} on
          <a href="#edit/${encodeURIComponent(item.statement_id)}">${item.statement_title}</a></p>
        <p class="meta">${new Date(item.at).toLocaleString()} · ${item.email ?? 'no e-mail'}
          · ${item.status}${extra.map(([k, v]) => ` · ${k.replace(/_/g, ' ')}: ${String(v)}`)}
          ${item.verified ? html` · <span class="verified">verified: ${item.verified.domain}</span>` : nothing}
          ${item.public === false ? ' · not listed publicly' : nothing}</p>
        ${item.text ? html`<p class="text">${item.text}</p>` : nothing}
        ${item.parent ? html`<blockquote class="parent"><p>In reply to <strong>${item.parent.author_name}</strong>:</p>
          <p>${item.parent.body}</p></blockquote>` : nothing}
      </div>
      <div class="one">
        ${item.status !== 'published' ? html`<button @click=${() => this.act('published', [item])} aria-label="Approve ${item.name}">Approve</button>` : nothing}
        ${item.status !== 'hidden' ? html`<button class="secondary" @click=${() => this.act('hidden', [item])} aria-label="Hide ${item.name}">Hide</button>` : nothing}
        <button class="danger" @click=${() => this.act('delete', [item])} aria-label="Delete ${item.name}">Delete</button>
        ${item.kind === 'signatory' && item.verified
          ? html`<button class="secondary" @click=${() => this.setVerified(item, false)} aria-label="Not verified: take back the verification of ${item.name}">Not verified</button>`
          : item.kind === 'signatory' && item.url
            ? html`<button class="secondary" @click=${() => this.setVerified(item, true)}
                aria-label="Verify ${item.name} for the domain of ${item.url}">Verify</button>`
            : nothing}
      </div>
    </li>`;
  }

  /** Marks a signatory verified by hand for its web site's domain (the badge readers see), or takes that back. */
  private async setVerified(item: QueueItem, verified: boolean) {
    try {
      await (verified ? this.api.verify(refOf(item)) : this.api.unverify(refOf(item)));
      this.message = verified ? `Marked “${item.name}” verified.` : `“${item.name}” is no longer verified.`;
      await this.load();
      await this.focusCurrent();
    } catch (err) {
      this.message = `Not done: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  private toggle(key: string) {
    const next = new Set(this.selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.selected = next;
  }

  private readonly changeStatus = (e: Event) => {
    this.status = (e.target as HTMLSelectElement).value;
    this.selected = new Set();
    void this.load();
  };

  private readonly search = (e: Event) => {
    e.preventDefault();
    void this.load();
  };

  /** The selected items, or else the given ones. */
  private targets(given?: QueueItem[]): QueueItem[] {
    if (given) return given;
    return (this.items ?? []).filter((i) => this.selected.has(keyOf(i)));
  }

  private async act(action: ItemStatus | 'delete', given?: QueueItem[]) {
    try {
      await this.run(action, given);
    } catch (err) {
      this.message = `Not done: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  private async run(action: ItemStatus | 'delete', given?: QueueItem[]) {
    const items = this.targets(given);
    if (!items.length) return;
    await this.flushDelete();
    const refs = items.map(refOf);
    const n = items.length === 1 ? `“${items[0]!.name}”` : `${items.length} items`;
    if (action === 'delete') {
      // Gone from the list at once; sent when the undo time is over.
      const keys = new Set(refs.map(keyOf));
      this.items = (this.items ?? []).filter((i) => !keys.has(keyOf(i)));
      this.pendingDelete = async () => {
        await this.api.deleteItems(refs);
      };
      this.offerUndo(`Deleted ${n}.`, async () => {
        this.pendingDelete = undefined;
        await this.load();
      });
    } else {
      const {items: done} = await this.api.setStatus(refs, action);
      const word = action === 'published' ? 'Approved' : action === 'hidden' ? 'Hid' : 'Moved';
      this.offerUndo(`${word} ${n}.`, async () => {
        for (const previous of new Set(done.map((d) => d.previous))) {
          await this.api.setStatus(done.filter((d) => d.previous === previous).map(({statement_id, kind, id}) => ({statement_id, kind, id})), previous);
        }
        await this.load();
      });
      await this.load();
    }
    this.selected = new Set();
    await this.focusCurrent();
  }

  private offerUndo(label: string, run: () => Promise<void>) {
    clearTimeout(this.undoTimer);
    this.message = label;
    this.undo = {label, run};
    this.undoTimer = setTimeout(() => {
      this.undo = undefined;
      void this.flushDelete();
    }, UNDO_MS);
  }

  private readonly runUndo = async () => {
    const undo = this.undo;
    if (!undo) return;
    clearTimeout(this.undoTimer);
    this.undo = undefined;
    await undo.run();
    this.message = 'Undone.';
    await this.focusCurrent();
  };

  /** Sends a delete whose undo time is running (before another action, or on leaving). */
  private async flushDelete() {
    const run = this.pendingDelete;
    this.pendingDelete = undefined;
    if (run) await run();
  }

  private async focusCurrent() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('li.current')?.focus();
  }

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement && e.target.type !== 'checkbox') return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const items = this.items ?? [];
    const item = items[this.current];
    const acts: Record<string, () => unknown> = {
      j: () => this.move(1), ArrowDown: () => this.move(1), k: () => this.move(-1), ArrowUp: () => this.move(-1),
      x: () => item && this.toggle(keyOf(item)),
      a: () => this.act('published', this.selected.size ? undefined : item && [item]),
      h: () => this.act('hidden', this.selected.size ? undefined : item && [item]),
      d: () => this.act('delete', this.selected.size ? undefined : item && [item]),
      u: () => this.runUndo(),
    };
    const run = acts[e.key];
    if (!run) return;
    e.preventDefault();
    void run();
  };

  private move(by: number) {
    const n = this.items?.length ?? 0;
    if (!n) return;
    this.current = Math.max(0, Math.min(n - 1, this.current + by));
    void this.focusCurrent();
  }
}
