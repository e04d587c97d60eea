import {ContextProvider} from '../../context/context.js';
import {Task, TaskStatus, initialState} from '../../controllers/task.js';
import {html, nothing, type PropertyValues, type PropertyDeclarations, type TemplateResult} from 'lit';
import {isAbortError, sourceFor, type LiveChange, type Statement, type StatementSource} from '../../api/index.js';
import {statementContext} from '../../context/statement-context.js';
import {FallbackController} from '../../controllers/fallback-controller.js';
import {LiveController, PoliteAnnouncer} from '../../controllers/live-controller.js';
import {LocaleController} from '../../i18n/locale-controller.js';
import {baseStyles} from '../../internal/base.styles.js';
import {renderError, renderLoading} from '../../internal/status-views.js';
import {fire} from '../../events.js';
import {releaseStructuredData, writeStructuredData} from '../../internal/structured-data.js';
import {UndersignedElement} from '../../internal/undersigned-element.js';
import {ownSignatures, withOwnCounts} from '../../internal/own-signatures.js';
import {safeHttpUrl} from '../../text/safe-url.js';
import {loadBodySanitizer, type BodySanitizer} from '../../text/sanitize-body.js';
import {statementCardStyles} from './statement-card.styles.js';
import {renderDates, renderGoal, renderHero, renderNotes} from './statement-view.js';

/** The title as h1…h6, for `heading-level` (one template each: lit/static-html would cost more than they do). */
const HEADINGS: ((title: string) => TemplateResult)[] = [
  (title) => html`<h1 class="title" part="title" dir="auto">${title}</h1>`,
  (title) => html`<h2 class="title" part="title" dir="auto">${title}</h2>`,
  (title) => html`<h3 class="title" part="title" dir="auto">${title}</h3>`,
  (title) => html`<h4 class="title" part="title" dir="auto">${title}</h4>`,
  (title) => html`<h5 class="title" part="title" dir="auto">${title}</h5>`,
  (title) => html`<h6 class="title" part="title" dir="auto">${title}</h6>`,
];

/** Children that go to the default slot; any other child is fallback content. */
const WIDGETS = new Set(['statement-card', 'signatory-list', 'comment-thread', 'sign-form', 'comment-form']);
const isWidget = (node: Node): node is Element =>
  node instanceof UndersignedElement || (node.nodeType === Node.ELEMENT_NODE && WIDGETS.has((node as Element).localName));

/**
 * A public statement: kicker, title, hero image, notes, body, date and a
 * share action. Place `<signatory-list>` and `<comment-thread>` inside it:
 * they read the card's source and statement through context, so they need
 * no attributes of their own and fetch nothing the card already has.
 *
 * Any other content inside the card (a server-rendered title and body, for
 * instance) is a fallback: shown before the script runs and to search
 * engines, shown instead of the placeholder while loading, and beside the
 * error message when loading fails; hidden once the statement shows. The
 * card also describes the statement for search engines with schema.org
 * JSON-LD (an `Article`, with signature and comment counts) in a
 * `<script type="application/ld+json" data-undersigned>` in the document's
 * head, one per statement, kept current and removed with the last card
 * showing it.
 *
 * @tag statement-card
 * @summary Shows a statement (open letter, petition) from an endpoint or a static document.
 *
 * @slot - Elements shown under the statement, usually `<signatory-list>` and `<comment-thread>` (also `<sign-form>`, `<comment-form>`, another `<statement-card>` or any undersigned element class).
 * @slot fallback - Not named by authors: every other child of the card is assigned here, and shown only while loading or after an error.
 *
 * @fires {CustomEvent<UndersignedLoadDetail>} undersigned-load - The statement loaded. `detail: {statement}`.
 * @fires {CustomEvent<UndersignedErrorDetail>} undersigned-error - Loading failed. `detail: {error, action: 'load'}`.
 *
 * @csspart base - The article wrapping everything.
 * @csspart kicker - The section label above the title.
 * @csspart title - The statement's title (an `h2`, or the level `heading-level` gives).
 * @csspart summary - The standfirst under the title.
 * @csspart hero - The figure holding the hero image and its caption.
 * @csspart image - The hero image.
 * @csspart caption - The hero image's caption and credit.
 * @csspart credit - The photo credit inside the caption (its name a link when the image has a credit URL).
 * @csspart notes - The banner holding the notes.
 * @csspart note - One note.
 * @csspart goal - The progress towards the signature goal (a `progress` and its text), when the statement has a goal.
 * @csspart body - The statement's text.
 * @csspart meta - The footer with dates and the share button.
 * @csspart share-button - The share button.
 * @csspart loading - The placeholder shown while loading.
 * @csspart fallback - The box holding the fallback content (while loading, or after an error).
 * @csspart error - The error message.
 * @csspart retry-button - The error message's retry button.
 *
 * @cssprop [--undersigned-color-accent=#0b5cad] - Links, buttons and the kicker (lighter in dark mode).
 * @cssprop [--undersigned-color-on-accent=#fff] - Text on accent-coloured buttons.
 * @cssprop [--undersigned-color-text=currentColor] - Text colour; inherits the page's by default.
 * @cssprop [--undersigned-color-muted] - Secondary text; derived from the text colour.
 * @cssprop [--undersigned-color-border] - Rules and borders; derived from the text colour.
 * @cssprop [--undersigned-color-surface] - Subtle backgrounds; derived from the text colour.
 * @cssprop [--undersigned-color-note] - The notes banner's background.
 * @cssprop [--undersigned-color-danger=#b3261e] - Error messages.
 * @cssprop [--undersigned-color-background] - The background under `theme="light"` (#fff) or `theme="dark"` (#1b1d22); none without a theme.
 * @cssprop [--undersigned-font-family=inherit] - Font; inherits the page's by default.
 * @cssprop [--undersigned-font-size=1rem] - Base font size.
 * @cssprop [--undersigned-line-height=1.5] - Base line height.
 * @cssprop [--undersigned-title-size=2em] - The title's size.
 * @cssprop [--undersigned-radius=0.5rem] - Corner radius.
 * @cssprop [--undersigned-space=1rem] - Base spacing.
 */
export class StatementCard extends UndersignedElement {
  static override styles = [baseStyles, statementCardStyles];
  static override properties: PropertyDeclarations = {
    headingLevel: {type: Number, attribute: 'heading-level'},
    shareMessage: {state: true},
  };
  // Children are sorted into the two slots by kind, not by a slot attribute.
  static override shadowRootOptions: ShadowRootInit = {...UndersignedElement.shadowRootOptions, slotAssignment: 'manual'};

  /** The title's heading level, 1–6 (default 2; 1 on a page without its own `h1`). Other values count as 2. */
  declare headingLevel: number;

  /** Set while the "link copied" confirmation is shown. */
  private declare shareMessage: string;

  private readonly locale = new LocaleController(this);
  private readonly provider = new ContextProvider(this, statementContext);
  private readonly fallback = new FallbackController(this, (node) => !isWidget(node));
  /** The source whose JSON-LD this card wrote, to release it on change or disconnect. */
  private structuredDataKey?: string;
  private source?: StatementSource;
  private rerunOnConnect = false;
  private body?: {html: string; fragment: DocumentFragment};
  private sanitize?: BodySanitizer;
  private readonly announcer = new PoliteAnnouncer(this);

  private readonly task = new Task(this, {
    // The body's sanitiser (a chunk of its own where the browser lacks setHTML) loads beside the statement.
    task: async ([source], {signal}) => {
      if (!source) return initialState;
      const [statement, sanitize] = await Promise.all([source.statement({signal}), loadBodySanitizer()]);
      this.sanitize = sanitize;
      return statement;
    },
    args: () => [this.source] as const,
    onComplete: (loaded) => {
      // A shared cache may answer with a copy from before the reader's own signature: count it all the same.
      const statement = withOwnCounts(loaded, ownSignatures(this.source!.key));
      this.provide(statement);
      this.describe(statement);
      fire(this, 'undersigned-load', {statement});
    },
    onError: (error) => {
      if (isAbortError(error)) return;
      // The one error message on the card: the list and thread inside it show none of their own.
      this.provider.setValue({source: this.source!, failed: true, live: this.live});
      fire(this, 'undersigned-error', {error, action: 'load'});
    },
  });

  constructor() {
    super();
    this.headingLevel = 2;
    this.shareMessage = '';
    // A reader's published signature or comment changes the counts the card hands its children.
    this.addEventListener('undersigned-sign', (event) => {
      if (event.detail.status === 'published') this.bump('signatories', event.detail.listed);
    });
    this.addEventListener('undersigned-comment', (event) => {
      if (event.detail.status === 'published') this.bump('comments');
    });
    new LiveController(this, () => (this.live ? this.source?.events : undefined), (change) => this.onLive(change));
  }

  /** The statement as the card shows it and hands to its children: loaded, then kept current. */
  private get current(): Statement | undefined {
    return this.provider.value?.statement;
  }

  private provide(statement: Statement | undefined): void {
    if (this.source) this.provider.setValue({source: this.source, statement, live: this.live});
  }

  /** A live change: the statement as it is now (notes, goal, open or closed), with the current counts. */
  private onLive({statement, signatories, comments}: LiveChange): void {
    let next = statement ?? this.current;
    if (!next || this.task.status !== TaskStatus.COMPLETE) return;
    if (signatories) next = {...next, signatories: {...next.signatories, count: signatories.count, listed: signatories.listed}};
    if (comments) next = {...next, comments: {...next.comments, count: comments.count}};
    const goal = next.signatories.goal;
    // A list inside says the count itself; the card reads out the goal's progress only without one.
    if (signatories && goal && !this.querySelector('signatory-list')) {
      this.announcer.say(this.locale.t('goalProgress', {count: next.signatories.count, goal}));
    }
    this.provide(next);
    this.describe(next);
    this.requestUpdate();
  }

  /** One more published signature or comment; a listed signature counts as listed too, or the list would call it unlisted. */
  private bump(what: 'signatories' | 'comments', listed = false): void {
    const statement = this.current;
    if (!statement || !this.source) return;
    const counts = {...statement[what], count: statement[what].count + 1};
    if (listed && 'listed' in counts && counts.listed !== undefined) counts.listed++;
    const bumped = {...statement, [what]: counts};
    this.provide(bumped);
    this.describe(bumped);
    this.requestUpdate();
  }

  /** Writes the statement's JSON-LD into the document's head, releasing another statement's. */
  private describe(statement: Statement | undefined): void {
    const key = statement && this.isConnected ? this.source?.key : undefined;
    if (this.structuredDataKey && this.structuredDataKey !== key) releaseStructuredData(this, this.structuredDataKey);
    this.structuredDataKey = key;
    if (key) writeStructuredData(this, key, statement!);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.rerunOnConnect) {
      this.rerunOnConnect = false;
      void this.task.run();
    }
    this.describe(this.current);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.describe(undefined);
    if (this.task.status === TaskStatus.PENDING) {
      this.rerunOnConnect = true;
      this.task.abort();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('statement') || changed.has('src')) {
      const source = sourceFor(this);
      if (source !== this.source) {
        this.source = source;
        // Children switch source at once; the statement follows when loaded.
        this.provide(undefined);
        this.describe(undefined);
      }
    }
    if (changed.has('live') && this.provider.value?.live !== this.live) this.provide(this.current);
  }

  protected override updated(): void {
    // Manual slot assignment: re-done after every render, since a render may
    // make new <slot> elements and the children may have changed.
    const slot = (selector: string) => this.renderRoot.querySelector<HTMLSlotElement>(selector);
    slot('slot:not([name])')?.assign(...[...this.children].filter(isWidget));
    slot('slot[name=fallback]')?.assign(...this.fallback.nodes);
  }

  protected override render() {
    return html`<article class="root" part="base" dir=${this.locale.dir} aria-busy=${this.task.status === TaskStatus.PENDING}>
      ${this.task.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        // What the card hands its children: the counts include the reader's own signatures.
        complete: (loaded) => this.renderStatement(this.current ?? loaded),
        error: (error) =>
          isAbortError(error)
            ? this.renderLoading()
            : html`${renderError(this.locale, error, () => void this.task.run())}${this.renderFallback()}`,
      })}
      <slot></slot>
      ${this.live ? html`<div class="visually-hidden" role="status" aria-live="polite">${this.announcer.text}</div>` : nothing}
    </article>`;
  }

  private renderLoading() {
    return this.fallback.has
      ? this.renderFallback()
      : renderLoading(this.locale, ['kicker-line', 'title-line', 'hero', 'text']);
  }

  private renderFallback() {
    return this.fallback.has ? html`<div class="fallback" part="fallback"><slot name="fallback"></slot></div>` : nothing;
  }

  private renderStatement(statement: Statement) {
    const title = HEADINGS[this.headingLevel - 1] ?? HEADINGS[1]!;
    return html`
      ${statement.kicker ? html`<p class="kicker" part="kicker">${statement.kicker}</p>` : nothing}
      ${title(statement.title)}
      ${statement.summary ? html`<p class="summary" part="summary">${statement.summary}</p>` : nothing}
      ${renderHero(this.locale, statement.image)} ${renderNotes(this.locale, statement.notes)}
      ${renderGoal(this.locale, statement.signatories)}
      <div class="body" part="body">${this.sanitizedBody(statement.body)}</div>
      <footer class="meta" part="meta">
        ${renderDates(this.locale, statement)}
        <span>
          <span class="share-message" role="status">${this.shareMessage}</span>
          <button class="button" part="share-button" type="button" @click=${() => this.share(statement)}>
            ${this.locale.t('share')}
          </button>
        </span>
      </footer>
    `;
  }

  /** The sanitised body, made once per body text: Lit moves the fragment's nodes into place once. */
  private sanitizedBody(bodyHtml: string): DocumentFragment {
    if (this.body?.html !== bodyHtml) this.body = {html: bodyHtml, fragment: this.sanitize!(bodyHtml)};
    return this.body.fragment;
  }

  private async share(statement: Statement): Promise<void> {
    const url = safeHttpUrl(statement.url) ?? location.href;
    if (navigator.share) {
      try {
        await navigator.share({title: statement.title, url});
        return;
      } catch (error) {
        // The reader closed the share sheet: nothing to do.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      this.shareMessage = this.locale.t('linkCopied');
    } catch {
      // No clipboard access (insecure context, denied): show the link itself.
      this.shareMessage = url;
    }
  }
}
