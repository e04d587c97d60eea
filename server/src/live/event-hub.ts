import type {EventRecord, Store} from '../store/store.ts';
import type {WireLiveChange} from '../types.ts';
import {commentToWire, signatoryToWire, statementToWire} from '../wire.ts';

export interface EventHubOptions {
  /** At most one read (and one message per stream) per statement in this many ms. */
  coalesceMs: number;
  /** A comment line this often keeps proxies from closing idle streams. */
  heartbeatMs: number;
  /** Chunks a slow reader may have queued before its stream is closed (it resumes by id). */
  maxQueued: number;
}

const DEFAULTS: EventHubOptions = {coalesceMs: 250, heartbeatMs: 25_000, maxQueued: 256};
/** Events read per query: replays and bursts go in bounded steps. */
const READ_BATCH = 500;
/** Items named per message: a bulk import sends counts, not 100 000 rows. */
const MAX_ADDED = 100;
const RETRY_MS = 3000;

/** One open stream. */
interface Subscriber {
  /** The last event this stream has been sent. */
  seq: number;
  /** Caught up: receives the feed's messages as they are read. */
  live: boolean;
  /** A chunk to send; one encoded message is shared by every reader it goes to. */
  write(chunk: string | Uint8Array): void;
  close(): void;
}

/** Everyone following one statement on this instance, and how far it has read. */
interface Feed {
  statementId: string;
  subscribers: Set<Subscriber>;
  seq: number;
  reading: boolean;
  /** A notification came while reading or waiting: read again. */
  again: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  lastRead: number;
}

/**
 * The live side of GET /statements/{id}/events on one instance. Writes
 * append to the statement's event log in their own transaction (migration
 * 030) and NOTIFY; this hub, on every instance, reads the log once per
 * statement it has readers for and fans the message out, at most once per
 * `coalesceMs`, so a burst of signatures is one message per reader.
 */
export class EventHub {
  private readonly feeds = new Map<string, Feed>();
  private readonly opts: EventHubOptions;
  private started: Promise<void> | undefined;
  private unwatch: (() => Promise<void>) | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private closed = false;
  private readonly encoder = new TextEncoder();

  constructor(private readonly store: Store, opts: Partial<EventHubOptions> = {}) {
    this.opts = {...DEFAULTS, ...opts};
  }

  /** Streams open on this instance. */
  get size(): number {
    let n = 0;
    for (const feed of this.feeds.values()) n += feed.subscribers.size;
    return n;
  }

  /**
   * A stream of the statement's events after `after` (a Last-Event-ID), or
   * from now when null. Null when there is no such statement.
   */
  async open(statementId: string, after: number | null): Promise<ReadableStream<Uint8Array> | null> {
    if (this.closed) return null;
    await this.start();
    const last = await this.store.lastEvent(statementId);
    if (last === null || this.closed) return null;
    const feed = this.feed(statementId, last);
    // An id from the future (another database, a restore) resumes from now.
    const from = after === null || after > last ? last : after;
    let subscriber!: Subscriber;
    const stream = new ReadableStream<Uint8Array>({
      start: (controller) => {
        subscriber = {
          seq: from,
          live: false,
          write: (chunk) => {
            if ((controller.desiredSize ?? 0) < -this.opts.maxQueued) subscriber.close();
            else controller.enqueue(typeof chunk === 'string' ? this.encoder.encode(chunk) : chunk);
          },
          close: () => {
            this.remove(feed, subscriber);
            try {
              controller.close();
            } catch {
              // already closed or cancelled
            }
          },
        };
      },
      cancel: () => this.remove(feed, subscriber),
    });
    feed.subscribers.add(subscriber);
    // The id sets the reader's Last-Event-ID before any change arrives.
    subscriber.write(`retry: ${RETRY_MS}\nid: ${from}\nevent: ready\ndata: {}\n\n`);
    void this.catchUp(feed, subscriber);
    return stream;
  }

  /** Ends every stream (readers reconnect elsewhere with their Last-Event-ID) and stops listening. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const feed of this.feeds.values()) {
      clearTimeout(feed.timer);
      for (const s of [...feed.subscribers]) s.close();
    }
    this.feeds.clear();
    await this.started?.catch(() => {});
    await this.unwatch?.();
  }

  private start(): Promise<void> {
    this.started ??= (async () => {
      this.unwatch = await this.store.watchEvents(
        (statementId, seq) => {
          const feed = this.feeds.get(statementId);
          if (feed && seq > feed.seq) this.schedule(feed);
        },
        // The listening connection came back: anything may have happened meanwhile.
        () => {
          for (const feed of this.feeds.values()) this.schedule(feed);
        },
      );
      const beat = this.encoder.encode(': \n\n');
      this.heartbeat = setInterval(() => {
        for (const feed of this.feeds.values()) for (const s of feed.subscribers) s.write(beat);
      }, this.opts.heartbeatMs);
      this.heartbeat.unref();
    })();
    return this.started;
  }

  private feed(statementId: string, last: number): Feed {
    let feed = this.feeds.get(statementId);
    if (!feed) {
      feed = {statementId, subscribers: new Set(), seq: last, reading: false, again: false, timer: undefined, lastRead: 0};
      this.feeds.set(statementId, feed);
      // A notification that came between reading `last` and now found no feed.
      this.schedule(feed);
    }
    return feed;
  }

  private remove(feed: Feed, subscriber: Subscriber): void {
    feed.subscribers.delete(subscriber);
    if (!feed.subscribers.size && this.feeds.get(feed.statementId) === feed) {
      clearTimeout(feed.timer);
      this.feeds.delete(feed.statementId);
    }
  }

  private schedule(feed: Feed): void {
    if (feed.reading || feed.timer) {
      feed.again = true;
      return;
    }
    const wait = Math.max(0, feed.lastRead + this.opts.coalesceMs - Date.now());
    feed.timer = setTimeout(() => {
      feed.timer = undefined;
      void this.read(feed);
    }, wait);
  }

  /** Reads the log past the feed's seq and sends it to every reader that is caught up. */
  private async read(feed: Feed): Promise<void> {
    feed.reading = true;
    feed.again = false;
    feed.lastRead = Date.now();
    try {
      const events = await this.store.eventsAfter(feed.statementId, feed.seq, READ_BATCH);
      if (events.length) {
        const message = await this.message(feed.statementId, events);
        const from = feed.seq;
        feed.seq = events[events.length - 1]!.seq;
        // Encoded once for every reader (1 000 readers share one buffer, not 1 000 copies).
        const chunk = this.encoder.encode(message(feed.seq));
        for (const s of feed.subscribers) {
          if (s.live && s.seq < from) {
            s.live = false;
            void this.catchUp(feed, s);
          }
          if (!s.live || s.seq !== from) continue;
          s.seq = feed.seq;
          s.write(chunk);
        }
        if (events.length === READ_BATCH) feed.again = true;
      }
    } catch (err) {
      console.error('live events: reading failed', err);
      feed.again = true;
    } finally {
      feed.reading = false;
      if (feed.again && this.feeds.get(feed.statementId) === feed && !this.closed) this.schedule(feed);
    }
  }

  /** Replays what a resuming reader missed, up to the feed's seq, then lets it follow the feed. */
  private async catchUp(feed: Feed, s: Subscriber): Promise<void> {
    try {
      while (s.seq < feed.seq && feed.subscribers.has(s)) {
        const target = feed.seq;
        const events = (await this.store.eventsAfter(feed.statementId, s.seq, READ_BATCH)).filter((e) => e.seq <= target);
        if (!events.length) break;
        const message = await this.message(feed.statementId, events);
        s.seq = events[events.length - 1]!.seq;
        s.write(message(s.seq));
      }
      // Synchronously after the last check: the feed's next message starts where this reader is.
      s.live = true;
    } catch (err) {
      console.error('live events: replay failed', err);
      s.close();
    }
  }

  /** One message for a run of events: the current counts and the items they published. */
  private async message(statementId: string, events: EventRecord[]): Promise<(id: number) => string> {
    const added = (type: EventRecord['type']) =>
      events.filter((e) => e.type === type).flatMap((e) => e.item_ids ?? []).slice(-MAX_ADDED);
    const has = (type: EventRecord['type']) => events.some((e) => e.type === type);
    const change: WireLiveChange = {};
    const [statement, counts, signatories, commentCount, comments] = await Promise.all([
      has('statement') ? this.store.getStatement(statementId) : null,
      has('signatories') ? this.store.signatoryCounts(statementId) : null,
      has('signatories') ? this.store.listedSignatories(statementId, added('signatories')) : [],
      has('comments') ? this.store.commentCount(statementId) : 0,
      has('comments') ? this.store.publishedComments(statementId, added('comments')) : [],
    ]);
    if (counts) change.signatories = {...counts, added: signatories.map(signatoryToWire)};
    if (has('comments')) change.comments = {count: commentCount, added: comments.map(commentToWire)};
    if (statement) change.statement = statementToWire(statement);
    const data = JSON.stringify(change);
    return (id) => `id: ${id}\nevent: change\ndata: ${data}\n\n`;
  }
}
