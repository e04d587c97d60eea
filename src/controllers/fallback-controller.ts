import type {ReactiveController, ReactiveElement} from 'lit';

/**
 * The light-DOM content a publisher placed inside an element as a fallback
 * (a server-rendered title and body, a first page of names): it shows
 * before the script runs, to search engines, and — through a `<slot>` the
 * element renders in its loading and error states — whenever the data is
 * not there. `accepts` leaves out children that are not fallback (the
 * card's own widgets). The host re-renders when its children change.
 */
export class FallbackController implements ReactiveController {
  private observer?: MutationObserver;

  constructor(
    private readonly host: ReactiveElement,
    private readonly accepts: (node: Element | Text) => boolean = () => true
  ) {
    host.addController(this);
  }

  /** The fallback nodes: child elements and non-blank text, in order. */
  get nodes(): (Element | Text)[] {
    return [...this.host.childNodes].filter(
      (node): node is Element | Text =>
        (node.nodeType === Node.ELEMENT_NODE || (node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '')) &&
        this.accepts(node as Element | Text)
    );
  }

  /** Whether there is any fallback to show. */
  get has(): boolean {
    return this.nodes.length > 0;
  }

  hostConnected(): void {
    this.observer ??= new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(this.host, {childList: true});
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }
}
