import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** How often relative dates (“5 minutes ago”) are re-rendered. */
export const RELATIVE_TIME_INTERVAL = 60_000;

// One timer for every host on the page, running only while a host is
// connected: a thread of 500 comments must not mean 500 intervals.
const hosts = new Set<ReactiveControllerHost>();
let timer: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  // A hidden tab shows nothing: skip the work, catch up when it is shown again.
  if (document.hidden) return;
  for (const host of hosts) host.requestUpdate();
}

function start(): void {
  if (timer !== undefined) return;
  timer = setInterval(tick, RELATIVE_TIME_INTERVAL);
  document.addEventListener('visibilitychange', tick);
}

function stop(): void {
  clearInterval(timer);
  timer = undefined;
  document.removeEventListener('visibilitychange', tick);
}

/**
 * Keeps a host's relative dates current: it asks the host to re-render once
 * a minute (and when the tab becomes visible again), from one timer shared by
 * all hosts.
 */
export class RelativeTimeController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    start();
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    if (hosts.size === 0) stop();
  }
}
