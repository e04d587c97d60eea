/** The longest key kept (an IPv6 address with a zone fits): longer ones are cut, so no key costs more than this. */
export const MAX_KEY = 64;

const MAX_BUCKETS = 100_000;

function limitKey(client: string): string {
  return client.length > MAX_KEY ? client.slice(0, MAX_KEY) : client;
}

/**
 * Per-client token buckets, in this process's memory: with several
 * instances each one limits on its own (see README).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, {tokens: number; at: number}>();
  private readonly perMs: number;

  /** `perMinute` writes, in bursts of up to `perMinute`. */
  constructor(private readonly perMinute: number) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes a token for `client`; when none is left, the seconds until one is. */
  take(client: string, now = Date.now()): {ok: true} | {ok: false; retryAfter: number} {
    client = limitKey(client);
    const b = this.buckets.get(client) ?? {tokens: this.perMinute, at: now};
    b.tokens = Math.min(this.perMinute, b.tokens + (now - b.at) * this.perMs);
    b.at = now;
    this.buckets.set(client, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      this.prune(now);
      return {ok: true};
    }
    return {ok: false, retryAfter: Math.max(1, Math.ceil((1 - b.tokens) / this.perMs / 1000))};
  }

  /** Seconds until `client` may act again (0: now), without taking a token: for counting only failures. */
  wait(client: string, now = Date.now()): number {
    const b = this.buckets.get(limitKey(client));
    if (!b) return 0;
    const tokens = Math.min(this.perMinute, b.tokens + (now - b.at) * this.perMs);
    return tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000));
  }

  /** Forgets clients whose bucket has refilled: the map stays small. */
  private prune(now: number): void {
    if (this.buckets.size < 10_000) return;
    for (const [k, b] of this.buckets) {
      if (b.tokens + (now - b.at) * this.perMs >= this.perMinute) this.buckets.delete(k);
    }
    // Still full (many addresses at once): the oldest go, so memory stays bounded.
    for (const k of this.buckets.keys()) {
      if (this.buckets.size <= MAX_BUCKETS) break;
      this.buckets.delete(k);
    }
  }
}
