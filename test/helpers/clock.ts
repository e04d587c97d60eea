/**
 * A tiny fake clock for code that reads `Date.now()` and keeps time with
 * `setInterval`: `advance(ms)` moves the time on and runs the intervals
 * that fell due, instead of a test waiting minutes. Timeouts, animation
 * frames and idle callbacks stay real, so rendering still happens.
 * Install it before the code under test starts its timers; always `uninstall()`.
 */
export interface FakeClock {
  /** Moves `Date.now()` on by `ms` and runs every interval that fell due, in order. */
  advance(ms: number): void;
  /** How many intervals are running. */
  readonly intervals: number;
  uninstall(): void;
}

export function installClock(): FakeClock {
  const realNow = Date.now;
  const realSet = window.setInterval;
  const realClear = window.clearInterval;
  let offset = 0;
  let nextId = 1;
  const timers = new Map<number, {fn: () => void; every: number; due: number}>();
  const now = () => realNow.call(Date) + offset;

  Date.now = now;
  window.setInterval = ((fn: () => void, every = 0) => {
    const id = nextId++;
    timers.set(id, {fn, every: Math.max(1, every), due: now() + every});
    return id;
  }) as typeof setInterval;
  window.clearInterval = ((id?: number) => void timers.delete(id!)) as typeof clearInterval;

  return {
    advance(ms) {
      const until = now() + ms;
      for (;;) {
        const timer = [...timers.values()].sort((a, b) => a.due - b.due)[0];
        if (!timer || timer.due > until) break;
        offset += Math.max(0, timer.due - now());
        timer.due += timer.every;
        timer.fn();
      }
      offset += until - now();
    },
    get intervals() {
      return timers.size;
    },
    uninstall() {
      Date.now = realNow;
      window.setInterval = realSet;
      window.clearInterval = realClear;
    },
  };
}
