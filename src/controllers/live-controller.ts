import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {LiveChange} from '../api/index.js';

/**
 * Follows a statement's live events (docs/contract.md "Live events") while
 * the host is connected and `route()` names an events URL; the stream
 * itself is a lazily loaded chunk (src/live/live-stream.ts), so pages
 * without `live` never download it. Elements of one statement share one
 * stream.
 */
export class LiveController implements ReactiveController {
  private url?: string;
  private stop?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & {readonly isConnected: boolean},
    /** The events route to follow, or undefined when the host is not live. */
    private readonly route: () => string | undefined,
    private readonly onChange: (change: LiveChange) => void
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.follow(undefined);
  }

  private sync(): void {
    const url = this.host.isConnected ? this.route() : undefined;
    if (url !== this.url) this.follow(url);
  }

  private follow(url: string | undefined): void {
    this.stop?.();
    this.stop = undefined;
    this.url = url;
    if (!url) return;
    let cancelled = false;
    this.stop = () => (cancelled = true);
    void import('../live/live-stream.js').then(({follow}) => {
      if (!cancelled) this.stop = follow(url, (change) => this.onChange(change));
    });
  }
}

/** How often live counts may be read out at most. */
const ANNOUNCE_MS = 5000;

/**
 * What a live element says politely to screen readers (its `text`, in an
 * `aria-live="polite"` region): the latest of what changed, at most every
 * few seconds, so a busy statement does not talk over the page.
 */
export class PoliteAnnouncer implements ReactiveController {
  text = '';
  private next = '';
  private last = -Infinity;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  say(text: string): void {
    this.next = text;
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.last = performance.now();
      this.text = this.next;
      this.host.requestUpdate();
    }, Math.max(0, this.last + ANNOUNCE_MS - performance.now()));
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
