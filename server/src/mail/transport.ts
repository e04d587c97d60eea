import {mkdirSync, renameSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import nodemailer from 'nodemailer';

/**
 * Where mail goes: an SMTP server (SMTP_URL) through nodemailer, or, with
 * none configured, .eml files in a directory with the confirmation link
 * printed on the console (npm start on a fresh machine).
 */

export interface OutgoingMail {
  /** The outbox row: also the stable Message-ID, so a resend after a crash is recognisably the same message. */
  id: number;
  from: string;
  to: string;
  subject: string;
  text: string;
  link: string | null;
  kind: string;
}

export interface MailTransport {
  /** Resolves once the message is accepted; rejects with a DeliveryError. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
  /** For the start-up line (no password). */
  readonly description: string;
}

/** A message not delivered: `permanent` when trying again cannot help (a 5xx answer to it). */
export class DeliveryError extends Error {
  constructor(message: string, readonly permanent: boolean) {
    super(message);
  }
}

/** SMTP_URL checked at start: smtp:// (STARTTLS when offered) or smtps:// (TLS from the first byte), with a host. */
export function parseSmtpUrl(value: string): URL {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
    // Never echo the value: it may hold a password.
    throw new Error('SMTP_URL must look like smtp://user:password@host:587 (STARTTLS when the server offers it) '
      + 'or smtps://user:password@host:465 (implicit TLS); the value given is not such a URL.');
  }
  if (url.port && !(Number(url.port) > 0 && Number(url.port) < 65536)) throw new Error('SMTP_URL has an invalid port.');
  return url;
}

/** MAIL_FROM: an address, or `Name <address>`, on one line. */
export function parseMailFrom(value: string): string {
  const v = value.trim();
  const plain = /^[^\s<>@"]+@[^\s<>@]+\.[^\s<>@]+$/;
  const named = /^[^\r\n<>]*<([^\s<>@"]+@[^\s<>@]+\.?[^\s<>@]*)>$/;
  if (/[\u0000-\u001f\u007f]/.test(v) || !(plain.test(v) || named.test(v))) {
    throw new Error(`MAIL_FROM must be an address or "Name <address>", not ${JSON.stringify(value)}.`);
  }
  return v;
}

export interface SmtpTimeouts {
  /** Each of connecting, the greeting and an idle socket, in ms. */
  timeoutMs?: number;
}

export function smtpTransport(url: URL, opts: SmtpTimeouts = {}): MailTransport {
  const timeout = opts.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    url: url.href, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout,
  });
  return {
    description: `SMTP at ${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}${url.protocol === 'smtps:' ? ' (TLS)' : ''}`,
    async send(mail) {
      try {
        await transport.sendMail(message(mail));
      } catch (err) {
        throw deliveryError(err);
      }
    },
    close: () => transport.close(),
  };
}

/** No SMTP server: each message as `<dir>/<id>.eml` (written whole, then renamed: a crash leaves no half file). */
export function fileTransport(dir: string, print: (line: string) => void): MailTransport {
  const stream = nodemailer.createTransport({streamTransport: true, buffer: true, newline: 'unix'});
  return {
    description: `.eml files in ${dir}`,
    async send(mail) {
      const info = await stream.sendMail(message(mail));
      mkdirSync(dir, {recursive: true});
      const file = join(dir, `${String(mail.id).padStart(8, '0')}.eml`);
      writeFileSync(`${file}.tmp`, info.message as Buffer);
      renameSync(`${file}.tmp`, file);
      print(mail.link
        ? `Mail ${file} (no SMTP_URL): ${mail.kind === 'confirm' ? 'confirmation' : 'invitation'} link ${mail.link}`
        : `Mail ${file} (no SMTP_URL): ${mail.subject}`);
    },
    close: () => stream.close(),
  };
}

function message(mail: OutgoingMail) {
  return {
    from: mail.from, to: mail.to, subject: mail.subject, text: mail.text,
    messageId: `<outbox-${mail.id}.${messageHost(mail.from)}>`,
    headers: {'Auto-Submitted': 'auto-generated'},
    // No header of ours may span lines, whatever a value holds (messages.ts headerText cleans them first).
    disableFileAccess: true, disableUrlAccess: true,
  };
}

function messageHost(from: string): string {
  const m = /@([^\s<>@]+?)>?$/.exec(from.trim());
  return m ? m[1]! : 'undersigned';
}

/** 5xx answers to the message are final; connection trouble, timeouts, 4xx and a refused login are tried again. */
function deliveryError(err: unknown): DeliveryError {
  const e = err as {message?: string; code?: string; responseCode?: number; permanent?: boolean};
  const text = `${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}`.replace(/[\r\n]+/g, ' ');
  const permanent = e.code !== 'EAUTH' && typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
  return new DeliveryError(text, permanent);
}
