import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {isAbortError, type Comment, type CommentQuery, type Page} from '../../api/index.js';
import {addsNothing} from '../../controllers/paged-controller.js';
import {fire} from '../../events.js';

type Load = (query: CommentQuery, signal: AbortSignal) => Promise<Page<Comment>>;

interface Continuation {
  next: string | null;
  replies: Comment[];
  status: 'idle' | 'loading' | 'error';
  error?: unknown;
  /** Bumped on each change of this thread's continuation. */
  version?: number;
}

type Host = ReactiveControllerHost & HTMLElement & {renderRoot: ParentNode};

/**
 * The rest of long threads: a root whose page brought only part of its
 * replies carries `replies.next`; "N more replies" loads the next slice of
 * that thread (at most a page of the contract's `?thread=`), which renders
 * as one more run, so no task holds a root with thousands of replies.
 * The first newly shown reply takes focus.
 */
export class ThreadContinuations implements ReactiveController {
  private readonly threads = new Map<string, Continuation>();
  private key?: string;
  private merged?: {from: readonly Comment[]; version: number; items: readonly Comment[]};
  private controller = new AbortController();
  /** Bumped on every change: templates guarded by it re-render. */
  version = 0;

  constructor(
    private readonly host: Host,
    private readonly source: () => {key: string; load: Load} | undefined,
    /** A comment's rendered article, by id. */
    private readonly element: (id: string) => HTMLElement | null | undefined
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const key = this.source()?.key;
    if (key === this.key) return;
    this.key = key;
    this.controller.abort();
    this.controller = new AbortController();
    this.threads.clear();
    this.version++;
  }

  hostDisconnected(): void {
    this.controller.abort();
    this.controller = new AbortController();
    for (const t of this.threads.values()) if (t.status === 'loading') t.status = 'idle';
  }

  /** The page's items followed by every continuation loaded so far (the same array while nothing changed). */
  items(page: readonly Comment[]): readonly Comment[] {
    if (this.merged?.from === page && this.merged.version === this.version) return this.merged.items;
    const extra = [...this.threads.values()].flatMap((t) => t.replies);
    const items = extra.length ? [...page, ...extra] : page;
    this.merged = {from: page, version: this.version, items};
    return items;
  }

  /** Changes whenever root `id`'s continuation does: only the run holding it re-renders. */
  versionOf(id: string): number {
    return this.threads.get(id)?.version ?? 0;
  }

  /** Where `root`'s thread continues, or null when it is all shown. */
  state(root: Comment): Continuation | null {
    const t = this.threads.get(root.id);
    if (t) return t.next === null && t.status !== 'error' ? null : t;
    return root.replies?.next ? {next: root.replies.next, replies: [], status: 'idle'} : null;
  }

  async more(root: Comment): Promise<void> {
    const source = this.source();
    const current = this.state(root);
    if (!source || !current || current.status === 'loading' || current.next === null) return;
    const t: Continuation = this.threads.get(root.id) ?? current;
    this.threads.set(root.id, t);
    t.status = 'loading';
    this.bump(t);
    const signal = this.controller.signal;
    try {
      const page = await source.load({thread: root.id, cursor: t.next}, signal);
      if (signal.aborted) return;
      // A slice that adds nothing but promises more ends the thread's continuation.
      const stuck = addsNothing(t.next, page);
      t.replies = [...t.replies, ...page.items];
      t.next = stuck ? null : page.next;
      t.status = 'idle';
      this.bump(t);
      await this.host.updateComplete;
      const first = page.items[0];
      if (first) this.element(first.id)?.focus();
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      t.status = 'error';
      t.error = error;
      this.bump(t);
      fire(this.host, 'undersigned-error', {error, action: 'load'});
    }
  }

  private bump(t: Continuation): void {
    t.version = (t.version ?? 0) + 1;
    this.version++;
    this.host.requestUpdate();
  }
}
