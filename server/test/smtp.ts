import {createServer, type Server, type Socket} from 'node:net';
import {SMTPServer} from 'smtp-server';

/** One message as the listener received it. */
export interface Received {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  /** The text body, quoted-printable undone. */
  text: string;
  /** The confirmation and withdrawal links in it. */
  confirm: string | null;
  withdraw: string | null;
}

/**
 * A real SMTP server on loopback (smtp-server, the Nodemailer project's):
 * what the server under test sends arrives here. `reject` answers 550 to
 * the addresses it matches.
 */
export interface SmtpListener {
  port: number;
  url: string;
  messages: Received[];
  /** Resolves once `n` messages have arrived. */
  waitFor(n: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function smtpListener(opts: {port?: number; reject?: RegExp} = {}): Promise<SmtpListener> {
  const messages: Received[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onRcptTo(address, _session, callback) {
      if (opts.reject?.test(address.address)) {
        const err = Object.assign(new Error('No such mailbox here'), {responseCode: 550});
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push(parse(Buffer.concat(chunks).toString('utf8'), session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          session.envelope.rcptTo.map((r) => r.address)));
        for (const w of waiters.splice(0)) w();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as {port: number}).port;
  return {
    port, url: `smtp://127.0.0.1:${port}`, messages,
    async waitFor(n) {
      while (messages.length < n) await new Promise<void>((r) => waiters.push(r));
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A listener that takes connections and never answers: a sender stuck mid-delivery. */
export async function stallingListener(): Promise<{port: number; connected: Promise<void>; close(): Promise<void>}> {
  const sockets = new Set<Socket>();
  let connected!: () => void;
  const first = new Promise<void>((r) => (connected = r));
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    connected();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as {port: number}).port, connected: first,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

function parse(raw: string, from: string, to: string[]): Received {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const subjectLine = /^Subject: (.*)$/im.exec(headers)?.[1] ?? '';
  const body = rest.join('\n\n');
  const qp = /^Content-Transfer-Encoding: quoted-printable/im.test(headers);
  const b64 = /^Content-Transfer-Encoding: base64/im.test(headers);
  const text = b64 ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : qp ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
      : body;
  return {
    from, to, raw, subject: decodeWords(subjectLine), text,
    confirm: /(https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null,
    withdraw: /(https?:\/\/\S+\/withdraw\/[A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null,
  };
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) back to text. */
function decodeWords(s: string): string {
  return s.replace(/\?=\s+=\?/g, '?==?').replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
}
