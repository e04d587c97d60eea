import {html, nothing, type PropertyDeclarations} from 'lit';
import {ApiError, type CommentResult} from '../../api/index.js';
import {SourceController, statementTask} from '../../controllers/source-controller.js';
import {WriteController} from '../../controllers/write-controller.js';
import {LocaleController} from '../../i18n/locale-controller.js';
import {baseStyles} from '../../internal/base.styles.js';
import {LIMITS, textLength} from '../../contract/index.js';
import {failureMessage, focusFirstInvalid, formSenders, honeypotField, textField} from '../../internal/form-fields.js';
import {formStyles} from '../../internal/form.styles.js';
import {fire} from '../../events.js';
import {UndersignedElement} from '../../internal/undersigned-element.js';
import {commentFormStyles} from './comment-form.styles.js';
import type {CommentValues} from './send-comment.js';

const empty = (): CommentValues => ({name: '', email: '', body: '', website: ''});

/**
 * The form to comment on a statement or, with `parent-id`, to reply to a
 * comment. `<comment-thread>` shows one under the thread and one under a
 * comment whose Reply button was pressed. The text is kept in localStorage
 * until the server confirms it; a retry never posts twice. Escape in a
 * reply form cancels it.
 *
 * @tag comment-form
 * @summary A form to comment or reply.
 *
 * @fires {CustomEvent<CommentResult>} undersigned-comment - The server took a comment. `detail: {comment, status}`, status `published` or `pending`.
 * @fires {CustomEvent<UndersignedErrorDetail>} undersigned-error - Sending failed. `detail: {error, action: 'comment'}`.
 * @fires {CustomEvent<null>} undersigned-cancel - A reply form was cancelled (Cancel or Escape). Does not cross the shadow root.
 *
 * @csspart base - The form's frame.
 * @csspart heading - The heading of the top-level form.
 * @csspart form - The form element.
 * @csspart submit-button - The submit button.
 * @csspart cancel-button - The cancel button of a reply form.
 * @csspart closed - The "comments are closed" message.
 * @csspart confirmation - The message after a comment was sent (published, or awaiting approval).
 *
 * @cssprop [--undersigned-color-accent=#0b5cad] - Buttons, links and focus rings (lighter in dark mode).
 * @cssprop [--undersigned-color-on-accent=#fff] - Text on accent-coloured buttons.
 * @cssprop [--undersigned-color-text=currentColor] - Text colour; inherits the page's by default.
 * @cssprop [--undersigned-color-muted] - Hints and the privacy line; derived from the text colour.
 * @cssprop [--undersigned-color-border] - Field borders; derived from the text colour.
 * @cssprop [--undersigned-color-surface] - The form's background; derived from the text colour.
 * @cssprop [--undersigned-color-danger=#b3261e] - Field errors.
 * @cssprop [--undersigned-color-background] - The background under `theme="light"` (#fff) or `theme="dark"` (#1b1d22); none without a theme.
 * @cssprop [--undersigned-font-family=inherit] - Font; inherits the page's by default.
 * @cssprop [--undersigned-font-size=1rem] - Base font size.
 * @cssprop [--undersigned-line-height=1.5] - Base line height.
 * @cssprop [--undersigned-radius=0.5rem] - Corner radius.
 * @cssprop [--undersigned-space=1rem] - Base spacing.
 */
export class CommentForm extends UndersignedElement {
  static override styles = [baseStyles, formStyles, commentFormStyles];
  static override properties: PropertyDeclarations = {
    parentId: {attribute: 'parent-id', reflect: true},
  };

  /** The comment this form replies to; empty for a new top-level comment. */
  declare parentId: string | undefined;

  private readonly locale = new LocaleController(this);
  private readonly sources = new SourceController(this);
  private readonly statementTask = statementTask(this, this.sources);
  private readonly write = new WriteController<CommentValues, CommentResult>(this, {
    storageKey: () =>
      this.sources.source ? `undersigned:comment:${this.sources.source.key}:${this.parentId ?? ''}` : undefined,
    initial: empty,
  });

  /** Set by focus() until the fields exist: the form renders once it knows the statement. */
  private focusPending = false;

  /** Puts focus in the first field, for a reply form just opened (as soon as it is shown). */
  override focus(): void {
    this.focusPending = true;
    this.requestUpdate();
  }

  protected override updated(): void {
    const field = this.focusPending && this.shadowRoot?.querySelector<HTMLElement>('textarea');
    if (field) {
      this.focusPending = false;
      field.focus();
    }
  }

  protected override render() {
    const source = this.sources.source;
    const statement = this.statementTask.value;
    if (!source?.writable || !statement) return nothing;
    if (!statement.comments.open) {
      return this.parentId ? nothing : html`<p class="status" part="base closed">${this.locale.t('commentsClosed')}</p>`;
    }
    const t = this.locale.t.bind(this.locale);
    const {values, fieldErrors: errors, status, failure} = this.write;
    const set = (field: keyof CommentValues) => (value: string) => this.write.set(field, value);
    const length = textLength(values.body);
    const reply = Boolean(this.parentId);
    return html`<section class="root" part="base" dir=${this.locale.dir}
        aria-labelledby=${reply ? nothing : 'comment-heading'} aria-label=${reply ? t('reply') : nothing}>
      ${reply ? nothing : html`<h3 id="comment-heading" part="heading">${t('commentHeading')}</h3>`}
      <form part="form" novalidate @submit=${this.submit} @keydown=${this.onKeydown} @focusin=${formSenders.prefetch}>
        ${textField({id: 'body', label: t('fieldComment'), value: values.body, error: errors.body, required: true,
          multiline: true, hint: t('charCount', {count: length, max: LIMITS.commentBody}), onInput: set('body')})}
        ${textField({id: 'name', label: t('fieldName'), value: values.name, error: errors.name, required: true,
          autocomplete: 'name', onInput: set('name')})}
        ${textField({id: 'email', label: t('fieldEmail'), type: 'email', optionalText: t('optional'), value: values.email,
          error: errors.email, autocomplete: 'email', maxlength: LIMITS.email, onInput: set('email')})}
        ${honeypotField(values.website, set('website'))}
        <div class="actions">
          <button class="button primary" part="submit-button" type="submit" ?disabled=${status === 'sending'}>
            ${status === 'sending' ? t('sending') : reply ? t('postReply') : t('postComment')}
          </button>
          ${reply
            ? html`<button class="button" part="cancel-button" type="button" @click=${this.cancel}>${t('cancel')}</button>`
            : nothing}
        </div>
        <div role="alert" class="form-error">
          ${failure
            ? failureMessage(this.locale, failure, {closed: 'commentsClosed', gone: reply ? 'errorReplyGone' : 'errorNotFound'})
            : nothing}
        </div>
        <div role="status" aria-live="polite">
          ${status === 'done' && this.write.result
            ? html`<p class="confirmation" part="confirmation">
                ${this.write.result.status === 'published' ? t('commentPublished') : t('commentPending')}
              </p>`
            : nothing}
        </div>
      </form>
    </section>`;
  }

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.parentId) {
      event.preventDefault();
      this.cancel();
    }
  };

  private readonly cancel = () => {
    fire(this, 'undersigned-cancel', null);
  };

  private readonly submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const source = this.sources.source;
    if (!source) return;
    try {
      const result = await this.write.submit(formSenders, (m) =>
        m.sendComment({write: this.write, locale: this.locale, source, parentId: this.parentId})
      );
      if (result) {
        fire(this, 'undersigned-comment', result);
      }
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 422)) fire(this, 'undersigned-error', {error, action: 'comment'});
    }
    if (this.write.failure?.kind === 'fields') await focusFirstInvalid(this);
  };
}
