import {randomBytes} from 'node:crypto';
import type {Store} from '../store/store.ts';
import {DeliveryError, type MailTransport} from './transport.ts';

export interface SenderOptions {
  from: string;
  /** How long a claimed message is this sender's (default 5 min): longer than any one delivery may take. */
  leaseMs?: number;
  /** The first retry's delay (default 30 s), doubled each time up to `retryMaxMs` (default 1 h). */
  retryMs?: number;
  retryMaxMs?: number;
  /** Tries before a message that keeps failing is given up (default 20). */
  maxAttempts?: number;
  /** How often the outbox is looked at when nothing is due (default 5 s): other instances' mail. */
  pollMs?: number;
  log?: (line: string, level?: 'error') => void;
}

/**
 * Delivers the outbox: claims due messages (no two senders the same one,
 * on any number of instances), sends each, records the outcome. Signing
 * never waits for it: a request only kicks it.
 */
export class MailSender {
  readonly owner = `sender-${randomBytes(6).toString('hex')}`;
  private stopped = false;
  private wake: (() => void) | null = null;
  private kicked = false;
  private loop: Promise<void> | null = null;
  private readonly leaseMs: number;
  private readonly retryMs: number;
  private readonly retryMaxMs: number;
  private readonly maxAttempts: number;
  private readonly pollMs: number;

  constructor(private readonly store: Store, private readonly transport: MailTransport, private readonly opts: SenderOptions) {
    this.leaseMs = opts.leaseMs ?? 300_000;
    this.retryMs = opts.retryMs ?? 30_000;
    this.retryMaxMs = opts.retryMaxMs ?? 3_600_000;
    this.maxAttempts = opts.maxAttempts ?? 20;
    this.pollMs = opts.pollMs ?? 5_000;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Something was queued: look now rather than at the next poll. */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    this.transport.close();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let wait = this.pollMs;
      try {
        this.kicked = false;
        const batch = await this.store.claimMail(this.owner, 10, this.leaseMs);
        for (const m of batch) {
          if (this.stopped) break;
          await this.deliver(m);
        }
        if (batch.length) continue;
        const due = await this.store.nextMailDue();
        if (due !== null) wait = Math.min(wait, Math.max(10, due + 5));
      } catch (err) {
        // The database is away: try again at the next poll.
        this.opts.log?.(`mail: ${err instanceof Error ? err.message : String(err)}`, 'error');
      }
      if (!this.kicked) await this.sleep(wait);
    }
  }

  private async deliver(m: Awaited<ReturnType<Store['claimMail']>>[number]): Promise<void> {
    try {
      await this.transport.send({id: m.id, from: this.opts.from, to: m.recipient, subject: m.subject, text: m.body, link: m.link, kind: m.kind});
    } catch (err) {
      // A transport of another kind may say `permanent` too.
      const e = err instanceof DeliveryError ? err
        : new DeliveryError(err instanceof Error ? err.message : String(err), (err as {permanent?: unknown} | null)?.permanent === true);
      if (e.permanent || m.attempts >= this.maxAttempts) {
        await this.store.mailFailed(m.id, this.owner, e.message);
        this.opts.log?.(`mail ${m.id}: not delivered, given up: ${e.message}`, 'error');
      } else {
        const delay = Math.min(this.retryMaxMs, this.retryMs * 2 ** (m.attempts - 1)) * (0.8 + Math.random() * 0.4);
        await this.store.mailRetry(m.id, this.owner, e.message, new Date(Date.now() + delay));
      }
      return;
    }
    if (!(await this.store.mailSent(m.id, this.owner))) {
      this.opts.log?.(`mail ${m.id}: sent after its lease ran out (MAIL_LEASE_MS is shorter than a delivery took)`, 'error');
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref?.();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }
}
