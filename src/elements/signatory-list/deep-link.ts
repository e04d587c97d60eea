import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** The position a `#signatory-N` fragment names, if it names one. */
export function linkedPosition(hash: string): number | undefined {
  const match = /^#signatory-(\d{1,9})$/.exec(hash);
  return match ? Number(match[1]) : undefined;
}

/**
 * Deep links: `#signatory-N` in the page's URL, on load or on
 * `hashchange`, names a signatory to scroll to and focus once it is
 * loaded. `onLink` runs when a link arrives (the list clears its search, so
 * position N is in it).
 */
export class DeepLinkController implements ReactiveController {
  /** The position to go to, until the host has gone there (or found it missing). */
  target?: number;
  /** The row scrolled to while the target's page loads. */
  private approached?: number;
  private readonly onHashChange = () => this.read();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onLink: () => void
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('hashchange', this.onHashChange);
    this.read();
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.onHashChange);
  }

  /** The target, forgotten: the host goes there once. */
  take(): number | undefined {
    const target = this.target;
    this.target = this.approached = undefined;
    return target;
  }

  /** Scrolls to the target's row (index `index`) once while its page loads: scrolling there is what loads it. */
  approach(index: number, scrollTo: (index: number) => void): void {
    if (this.approached === index) return;
    this.approached = index;
    scrollTo(index);
  }

  private read(): void {
    const position = linkedPosition(location.hash);
    if (position === undefined) return;
    this.target = position;
    this.onLink();
    this.host.requestUpdate();
  }
}

/** Scrolls the signatory at `position` into the middle of the view and focuses it, where its row is rendered. */
export function focusSignatory(root: ParentNode, position: number): void {
  const item = root.querySelector<HTMLElement>(`[part~="item"][data-position="${position}"]`);
  item?.scrollIntoView({block: 'center'});
  item?.focus({preventScroll: true});
}
