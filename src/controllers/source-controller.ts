import {ContextConsumer, ContextProvider} from '../context/context.js';
import {Task, initialState} from './task.js';
import type {ReactiveController} from 'lit';
import {sourceFor, type Statement, type StatementSource} from '../api/index.js';
import {statementContext, type StatementContext} from '../context/statement-context.js';
import type {UndersignedElement} from '../internal/undersigned-element.js';

/**
 * Where an element reads from: its own `src` or `endpoint` + `statement`
 * attributes when it has them, else what an enclosing `<statement-card>`
 * provides. The card's statement is used only when both read the same source.
 */
export class SourceController implements ReactiveController {
  private readonly context: ContextConsumer<StatementContext | undefined>;
  private wasCardFailed = false;

  /** `onCardRecovered` runs when the enclosing card, whose load had failed, has the statement after all (its retry). */
  constructor(
    private readonly host: UndersignedElement,
    private readonly onCardRecovered?: () => void
  ) {
    host.addController(this);
    this.context = new ContextConsumer(host, statementContext);
  }

  get source(): StatementSource | undefined {
    return this.ownSource ?? this.context.value?.source;
  }

  /** True when the source is the enclosing card's: the card loads the statement. */
  get fromCard(): boolean {
    return !this.ownSource && this.context.value !== undefined;
  }

  private get ownSource(): StatementSource | undefined {
    const {endpoint, statement, src} = this.host;
    return sourceFor({endpoint, statement, src});
  }

  /** The statement the enclosing card loaded, if it reads from this element's source. */
  get statement(): Statement | undefined {
    const provided = this.context.value;
    return provided && provided.source === this.source ? provided.statement : undefined;
  }

  /** The enclosing card could not load and shows the one error message: this element shows none of its own. */
  get cardFailed(): boolean {
    return this.fromCard && this.context.value?.failed === true;
  }

  /** Whether the element follows its statement live: its own `live`, or an enclosing live card's. */
  get live(): boolean {
    return this.host.live || this.context.value?.live === true;
  }

  hostConnected(): void {}

  hostUpdate(): void {
    if (this.wasCardFailed && this.context.value?.statement) this.onCardRecovered?.();
    this.wasCardFailed = this.cardFailed;
  }
}

/**
 * The statement an element needs for its own decisions (is signing open?):
 * the enclosing card's when there is one, else loaded through the source.
 */
export function statementTask(host: UndersignedElement, sources: SourceController): Task<readonly [StatementSource | undefined, Statement | undefined, boolean], Statement> {
  return new Task(host, {
    // Inside a card, wait for the card's statement rather than ask for it twice.
    task: async ([source, provided, fromCard], {signal}) =>
      provided ?? (source && !fromCard ? source.statement({signal}) : initialState),
    args: () => [sources.source, sources.statement, sources.fromCard] as const,
    // The card's statement (a live change, a reader's signature) is here already: one render, not two.
    ready: ([, provided]) => provided,
  });
}

/**
 * Hands an element's source and statement on to the forms it renders, the
 * way a card does, so they read what the element reads and load nothing
 * twice.
 */
export class ContextRelay implements ReactiveController {
  private readonly provider: ContextProvider<StatementContext | undefined>;

  constructor(
    host: UndersignedElement,
    private readonly sources: SourceController,
    private readonly statement: {readonly value?: Statement}
  ) {
    this.provider = new ContextProvider(host, statementContext);
    host.addController(this);
  }

  hostUpdate(): void {
    const source = this.sources.source;
    const statement = this.statement.value;
    const provided = this.provider.value;
    if (source && (provided?.source !== source || provided.statement !== statement)) {
      this.provider.setValue({source, statement});
    }
  }
}
