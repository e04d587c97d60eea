import {html, nothing, type PropertyDeclarations} from 'lit';
import {ApiError, type SignResult, type Statement, type WriteStatus} from '../../api/index.js';
import {SourceController, statementTask} from '../../controllers/source-controller.js';
import {WriteController} from '../../controllers/write-controller.js';
import {LocaleController} from '../../i18n/locale-controller.js';
import {baseStyles} from '../../internal/base.styles.js';
import {LIMITS} from '../../contract/index.js';
import {failureMessage, focusFirstInvalid, formSenders, honeypotField, textField} from '../../internal/form-fields.js';
import {formStyles} from '../../internal/form.styles.js';
import {fire} from '../../events.js';
import {UndersignedElement} from '../../internal/undersigned-element.js';
import {keepOwnSignature} from '../../internal/own-signatures.js';
import {signFormStyles} from './sign-form.styles.js';
import type {SignValues} from './send-signature.js';
import {allowedDomainsOf, emailRequiredBy, pageInviteToken} from './who-may-sign.js';

/** The message after signing, by the server's answer. */
const SIGNED: Record<WriteStatus, 'signedPublished' | 'signedPending' | 'signedUnconfirmed'> = {published: 'signedPublished', pending: 'signedPending', unconfirmed: 'signedUnconfirmed'};

const empty = (): SignValues => ({
  name: '',
  kind: 'individual',
  organization: '',
  role: '',
  location: '',
  email: '',
  public: true,
  website: '',
});

/**
 * The form to add one's name to a statement. `<signatory-list>` shows it
 * under the list where signing is open; it also stands alone, with its own
 * `endpoint` and `statement` or inside a `<statement-card>`. What a reader
 * types is kept in localStorage until the server confirms it, and a retry
 * never records a signature twice. Hidden in static mode; says so when
 * signing is closed. Where signing is by invitation it sends the token of
 * the page's `?invite=` (or its `invite` attribute), and without one says
 * signing is by invitation; where only some domains may sign it says which.
 *
 * @tag sign-form
 * @summary A form to sign a statement.
 *
 * @fires {CustomEvent<SignResult>} undersigned-sign - The server took a signature. `detail: {signatory, status}`, status `published`, `pending` or `unconfirmed` (waits for its e-mail link).
 * @fires {CustomEvent<UndersignedErrorDetail>} undersigned-error - Sending failed. `detail: {error, action: 'sign'}`.
 *
 * @csspart base - The form's frame.
 * @csspart heading - The "Add your name" heading.
 * @csspart form - The form element.
 * @csspart submit-button - The submit button.
 * @csspart confirmation - The thank-you message after signing.
 * @csspart closed - The "signing is closed" message.
 * @csspart invite-only - The "signing is by invitation" message, shown instead of the form without an invitation.
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
export class SignForm extends UndersignedElement {
  static override styles = [baseStyles, formStyles, signFormStyles];
  static override properties: PropertyDeclarations = {
    invite: {},
  };

  private readonly locale = new LocaleController(this);
  private readonly sources = new SourceController(this);
  private readonly write = new WriteController<SignValues, SignResult>(this, {
    storageKey: () => (this.sources.source ? `undersigned:sign:${this.sources.source.key}` : undefined),
    initial: empty,
  });

  /**
   * The invitation token to sign with, for a statement where signing is by
   * invitation. Unset, the page address's `?invite=` is used, which is what
   * the publisher's invitation links carry.
   */
  declare invite: string | undefined;

  /** The statement, for whether signing is open and e-mail required: the card's, or loaded here. */
  private readonly statementTask = statementTask(this, this.sources);

  protected override render() {
    const source = this.sources.source;
    const statement = this.statementTask.value;
    if (!source?.writable || !statement) return nothing;
    if (!statement.signatories.open) {
      return html`<p class="root status" part="base closed" dir=${this.locale.dir}>${this.locale.t('signingClosed')}</p>`;
    }
    if (statement.signatories.signing === 'invite' && !this.inviteToken) {
      return html`<p class="root status" part="base invite-only" dir=${this.locale.dir}>${this.locale.t('signingByInvite')}</p>`;
    }
    return html`<section class="root" part="base" dir=${this.locale.dir} aria-labelledby="sign-heading">
      <h3 id="sign-heading" part="heading">${this.locale.t('signHeading')}</h3>
      ${this.renderForm(statement)}
    </section>`;
  }

  private renderForm(statement: Statement) {
    const t = this.locale.t.bind(this.locale);
    const {values, fieldErrors: errors, status, failure} = this.write;
    const emailRequired = emailRequiredBy(statement);
    const domains = allowedDomainsOf(statement);
    const set = <K extends keyof SignValues>(field: K) => (value: SignValues[K]) => this.write.set(field, value);
    // Once signed, the thank-you replaces the form: a filled form under it would look unsent.
    const done = status === 'done' && this.write.result;
    return html`${done ? nothing : html`<form part="form" novalidate @submit=${this.submit} @focusin=${formSenders.prefetch}>
      ${textField({id: 'name', label: t('fieldName'), value: values.name, error: errors.name, required: true,
        autocomplete: 'name', onInput: set('name')})}
      <fieldset>
        <legend>${t('fieldKind')}</legend>
        ${(['individual', 'organization'] as const).map(
          (kind) => html`<label class="check"
            ><input type="radio" name="kind" value=${kind} .checked=${values.kind === kind}
              @change=${() => this.write.set('kind', kind)} />
            ${kind === 'individual' ? t('kindIndividual') : t('kindOrganization')}</label
          >`
        )}
      </fieldset>
      ${values.kind === 'individual'
        ? textField({id: 'organization', label: t('fieldOrganization'), optionalText: t('optional'),
            value: values.organization, error: errors.organization, autocomplete: 'organization',
            onInput: set('organization')})
        : nothing}
      ${textField({id: 'role', label: t('fieldRole'), optionalText: t('optional'), value: values.role,
        error: errors.role, autocomplete: 'organization-title', onInput: set('role')})}
      ${textField({id: 'location', label: t('fieldLocation'), optionalText: t('optional'), value: values.location,
        error: errors.location, autocomplete: 'address-level2', onInput: set('location')})}
      ${textField({id: 'email', label: t('fieldEmail'), type: 'email', optionalText: emailRequired ? undefined : t('optional'),
        value: values.email, error: errors.email, required: emailRequired, autocomplete: 'email', maxlength: LIMITS.email,
        hint: domains ? t('emailDomainsHint', {domains: this.locale.orList(domains)}) : undefined, onInput: set('email')})}
      <label class="check"
        ><input type="checkbox" name="public" .checked=${values.public}
          @change=${(e: Event) => this.write.set('public', (e.target as HTMLInputElement).checked)} />
        ${t('fieldPublic')}</label
      >
      ${honeypotField(values.website, set('website'))}
      <p class="privacy muted">${t('privacy')}</p>
      <div class="actions">
        <button class="button primary" part="submit-button" type="submit" ?disabled=${status === 'sending'}
          aria-disabled=${status === 'sending'}>
          ${status === 'sending' ? t('sending') : t('signSubmit')}
        </button>
      </div>
      <div role="alert" class="form-error">
        ${errors.invite ? t('errorInvite')
          : failure ? failureMessage(this.locale, failure, {closed: 'signingClosed', gone: 'errorNotFound'}) : nothing}
      </div>
    </form>`}
    <div role="status" aria-live="polite">
      ${done ? html`<p class="confirmation" part="confirmation" tabindex="-1">${t(SIGNED[done.status])}</p>` : nothing}
    </div>`;
  }

  /** The token this form signs with: its own `invite`, else the page address's. */
  private get inviteToken(): string | undefined {
    return this.invite?.trim() || pageInviteToken();
  }

  private readonly submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const source = this.sources.source;
    const statement = this.statementTask.value;
    if (!source || !statement) return;
    try {
      const result = await this.write.submit(formSenders, (m) =>
        m.sendSignature({write: this.write, locale: this.locale, source, statement, invite: this.inviteToken})
      );
      if (result) {
        // Kept for this reader until the server lists it, across a reload (a shared cache may answer late).
        if (result.status === 'published') keepOwnSignature(source.key, result.signatory, result.listed, statement);
        fire(this, 'undersigned-sign', result);
        // The form with its focused button is gone: the reader's place is the thank-you.
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[part~="confirmation"]')?.focus();
      }
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 422)) fire(this, 'undersigned-error', {error, action: 'sign'});
    }
    if (this.write.failure?.kind === 'fields') await focusFirstInvalid(this);
  };
}
