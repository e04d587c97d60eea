/**
 * The live side of the widgets (docs/contract.md "Live events"), loaded
 * only by elements with `live`: one EventSource per statement on the page,
 * however many elements follow it, kept open while someone follows it.
 */
import type {LiveChange} from '../api/types.js';
import {parseLiveChange} from '../api/validate-live.js';

export type LiveListener = (change: LiveChange) => void;

/** Waits before reconnecting a dropped stream: doubling from 1 s to a minute, each with jitter so readers of one server spread out. */
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;
/** A hidden page keeps its stream this long (a glance at another tab), then closes it until shown again. */
const HIDDEN_CLOSE_MS = 60_000;
/** Listeners hear at most one change this often: a burst of signatures is one render. */
const DELIVER_MS = 500;

/** `b` after `a`: the latest counts and statement, everything either added. */
function merge(a: LiveChange | undefined, b: LiveChange): LiveChange {
  if (!a) return b;
  const added = <T>(x: {added: T[]} | undefined, y: {added: T[]} | undefined) => [...(x?.added ?? []), ...(y?.added ?? [])];
  return {
    signatories: b.signatories || a.signatories ? {...(a.signatories ?? b.signatories)!, ...b.signatories, added: added(a.signatories, b.signatories)} : undefined,
    comments: b.comments || a.comments ? {...(a.comments ?? b.comments)!, ...b.comments, added: added(a.comments, b.comments)} : undefined,
    statement: b.statement ?? a.statement,
  };
}

class LiveStream {
  readonly listeners = new Set<LiveListener>();
  private source?: EventSource;
  /** The last event id seen: a reconnect resumes after it (`?after=`), so nothing is missed or repeated. */
  private lastId?: string;
  /** Whether any connection opened: a route that never answered as a stream (404, another type) is not live. */
  private opened = false;
  /** Not live: no more connections. */
  private dead = false;
  private attempt = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private hiddenTimer?: ReturnType<typeof setTimeout>;
  private deliverTimer?: ReturnType<typeof setTimeout>;
  private pending?: LiveChange;
  private delivered = 0;

  constructor(private readonly url: string) {
    document.addEventListener('visibilitychange', this.onVisibility);
    this.onVisibility();
  }

  close(): void {
    this.dead = true;
    this.disconnect();
    clearTimeout(this.deliverTimer);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  private readonly onVisibility = (): void => {
    clearTimeout(this.hiddenTimer);
    if (document.visibilityState === 'hidden') {
      this.hiddenTimer = setTimeout(() => this.disconnect(), HIDDEN_CLOSE_MS);
    } else if (!this.source) {
      // Shown again (or a retry pending): connect now, resuming after the last id.
      this.connect();
    }
  };

  private connect(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    if (this.dead || this.source) return;
    const url = this.lastId === undefined ? this.url : `${this.url}?after=${encodeURIComponent(this.lastId)}`;
    const source = new EventSource(url);
    this.source = source;
    const seen = (event: MessageEvent) => {
      if (event.lastEventId) this.lastId = event.lastEventId;
    };
    source.addEventListener('open', () => {
      this.opened = true;
      this.attempt = 0;
    });
    source.addEventListener('ready', seen);
    source.addEventListener('change', (event) => {
      seen(event);
      try {
        this.receive(parseLiveChange(JSON.parse(event.data)));
      } catch {
        // A message of the wrong shape is skipped; the next brings the counts again.
      }
    });
    source.addEventListener('error', () => {
      // CLOSED before ever opening: the server has no stream here. Else it dropped: reconnect ourselves, with backoff and `after`.
      const notLive = source.readyState === EventSource.CLOSED && !this.opened;
      this.disconnect();
      if (notLive) this.dead = true;
      else this.retry();
    });
  }

  private disconnect(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.source?.close();
    this.source = undefined;
  }

  private retry(): void {
    if (this.dead || document.visibilityState === 'hidden') return;
    const wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.attempt++);
    this.retryTimer = setTimeout(() => this.connect(), wait / 2 + (Math.random() * wait) / 2);
  }

  private receive(change: LiveChange): void {
    this.pending = merge(this.pending, change);
    if (this.deliverTimer !== undefined) return;
    this.deliverTimer = setTimeout(() => {
      this.deliverTimer = undefined;
      this.delivered = performance.now();
      const change = this.pending!;
      this.pending = undefined;
      for (const listener of [...this.listeners]) listener(change);
    }, Math.max(0, this.delivered + DELIVER_MS - performance.now()));
  }
}

const streams = new Map<string, LiveStream>();

/** Calls `listener` with the changes at the events route `url` until the returned function is called. */
export function follow(url: string, listener: LiveListener): () => void {
  let stream = streams.get(url);
  if (!stream) streams.set(url, (stream = new LiveStream(url)));
  stream.listeners.add(listener);
  const following = stream;
  return () => {
    following.listeners.delete(listener);
    if (following.listeners.size || streams.get(url) !== following) return;
    following.close();
    streams.delete(url);
  };
}
