import type {ReactiveController, ReactiveControllerHost} from 'lit';

/**
 * The context protocol of the Web Components Community Group
 * (community-protocols/proposals/context.md), the part these elements use:
 * a consumer asks with a `context-request` event, the nearest provider of
 * that context answers and, for a subscription, calls back on each new
 * value. It speaks the same events as @lit/context, so it works with
 * elements built on that library (another copy of this one, say); ours
 * because the library's whole is 1.2 KB gzip of the bundle.
 */
export type Context<T> = symbol & {readonly __context__: T};

type Callback<T> = (value: T, unsubscribe?: () => void) => void;

type Host = ReactiveControllerHost & HTMLElement;

/** The protocol's request: `context`, `contextTarget`, `callback`, `subscribe`. */
export class ContextRequestEvent<T> extends Event {
  constructor(
    readonly context: Context<T>,
    readonly contextTarget: Element,
    readonly callback: Callback<T>,
    readonly subscribe?: boolean
  ) {
    super('context-request', {bubbles: true, composed: true});
  }
}

/** Answers its host's descendants' requests for `context` with `value`, and tells subscribers of each new one. */
export class ContextProvider<T> {
  value: T | undefined;
  private readonly subscriptions = new Map<Callback<T | undefined>, () => void>();

  constructor(
    private readonly host: Host,
    private readonly context: Context<T>
  ) {
    host.addEventListener('context-request', this.onRequest);
  }

  setValue(value: T): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const [callback, unsubscribe] of this.subscriptions) callback(value, unsubscribe);
  }

  private readonly onRequest = (event: Event): void => {
    const request = event as ContextRequestEvent<T | undefined>;
    if (request.context !== this.context) return;
    // An element that consumes and provides one context does not answer itself.
    if ((request.contextTarget ?? event.composedPath()[0]) === this.host) return;
    event.stopPropagation();
    const {callback} = request;
    if (!request.subscribe) return callback(this.value);
    let unsubscribe = this.subscriptions.get(callback);
    if (!unsubscribe) this.subscriptions.set(callback, (unsubscribe = () => this.subscriptions.delete(callback)));
    callback(this.value, unsubscribe);
  };
}

/** The nearest provider's value of `context` while the host is connected, kept current; the host updates on each. */
export class ContextConsumer<T> implements ReactiveController {
  value?: T;
  private unsubscribe?: () => void;

  constructor(
    private readonly host: Host,
    private readonly context: Context<T>
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.dispatchEvent(new ContextRequestEvent(this.context, this.host, this.callback, true));
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private readonly callback: Callback<T> = (value, unsubscribe) => {
    // Another provider took over: leave the previous one.
    if (this.unsubscribe && this.unsubscribe !== unsubscribe) this.unsubscribe();
    this.unsubscribe = unsubscribe;
    this.value = value;
    this.host.requestUpdate();
  };
}
