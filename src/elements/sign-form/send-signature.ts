import type {SignResult, SignatoryKind, Statement, StatementSource} from '../../api/index.js';
import {isEmail, isHostAtDomains, LIMITS} from '../../contract/index.js';
import type {WriteController} from '../../controllers/write-controller.js';
import {sendWrite} from '../../controllers/write-send.js';
import type {LocaleController} from '../../i18n/locale-controller.js';
import {textError} from '../../internal/field-checks.js';
import {allowedDomainsOf, emailRequiredBy} from './who-may-sign.js';

// <sign-form>'s sending, in the forms' lazily loaded chunk (src/internal/form-senders.ts).

export type SignValues = {
  name: string;
  kind: SignatoryKind;
  organization: string;
  role: string;
  location: string;
  email: string;
  public: boolean;
  website: string;
};

export interface SignatureSend {
  write: WriteController<SignValues, SignResult>;
  locale: LocaleController;
  source: StatementSource;
  statement: Statement;
  /** The invitation token, where signing is by invitation. */
  invite: string | undefined;
}

/** The host of an e-mail address in lower-case ASCII (an IDN as punycode, as the server compares it). */
function mailHost(email: string): string {
  const host = email.slice(email.lastIndexOf('@') + 1).toLowerCase().replace(/\.$/, '');
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return host;
  }
}

function check(locale: LocaleController, values: SignValues, statement: Statement): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of ['name', 'organization', 'role', 'location'] as const) {
    const error = textError(locale, values[field], {max: LIMITS[field], required: field === 'name', visible: true});
    if (error) errors[field] = error;
  }
  const email = values.email.trim();
  const domains = allowedDomainsOf(statement);
  if (!email && emailRequiredBy(statement)) errors.email = locale.t('errorRequired');
  else if (email && !isEmail(email)) errors.email = locale.t('errorEmail');
  else if (email && domains && !isHostAtDomains(mailHost(email), domains)) {
    errors.email = locale.t('errorEmailDomain', {domains: locale.orList(domains)});
  }
  return errors;
}

/** Checks the form's values and sends the signature. */
export function sendSignature({write, locale, source, statement, invite}: SignatureSend): Promise<SignResult | undefined> {
  const optional = (value: string) => value.trim() || undefined;
  return sendWrite(
    write,
    (values, idempotencyKey) =>
      source.sign(
        {
          name: values.name.trim(),
          kind: values.kind,
          organization: values.kind === 'individual' ? optional(values.organization) : undefined,
          role: optional(values.role),
          location: optional(values.location),
          email: optional(values.email),
          public: values.public,
          website: optional(values.website),
          invite: statement.signatories.signing === 'invite' ? invite : undefined,
        },
        {idempotencyKey}
      ),
    (values) => check(locale, values, statement)
  );
}
