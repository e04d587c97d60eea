import {notEqual, type ReactiveController, type ReactiveControllerHost} from 'lit';

/** A task's state, numbered as @lit/task numbers it. */
export const TaskStatus = {INITIAL: 0, PENDING: 1, COMPLETE: 2, ERROR: 3} as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

/** What a task returns to go back to INITIAL (nothing to load). */
export const initialState: unique symbol = Symbol();

export interface TaskConfig<A extends readonly unknown[], R> {
  task: (args: A, options: {signal: AbortSignal}) => Promise<R | typeof initialState>;
  args: () => A;
  /**
   * The value when the arguments already hold it (not @lit/task's): taken
   * in the same update, so a new value costs one render instead of a
   * pending one and a complete one.
   */
  ready?: (args: A) => R | undefined;
  onComplete?: (value: R) => void;
  onError?: (error: unknown) => void;
}

export interface TaskRenderer<R, T> {
  initial?: () => T;
  pending?: () => T;
  complete?: (value: R) => T;
  error?: (error: unknown) => T;
}

/**
 * The part of @lit/task these elements use, with its behaviour: runs in
 * the host's update whenever an argument changed (compared like Lit's
 * properties), aborts the previous run, keeps the last value while a new
 * run is pending, and ignores the results of runs overtaken by another
 * (or by a value `ready` had at once).
 * Ours because the library's whole is 0.8 KB gzip of the bundle.
 */
export class Task<A extends readonly unknown[], R> implements ReactiveController {
  status: TaskStatus = TaskStatus.INITIAL;
  value?: R;
  error?: unknown;
  private previous?: A;
  private call = 0;
  private controller?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly config: TaskConfig<A, R>
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.config.args();
    const previous = this.previous;
    this.previous = args;
    if (previous && previous.length === args.length && !args.some((v, i) => notEqual(v, previous[i]))) return;
    const ready = this.config.ready?.(args);
    if (ready === undefined) return void this.run(args);
    this.abort();
    this.call++;
    this.config.onComplete?.(ready);
    this.status = TaskStatus.COMPLETE;
    this.value = ready;
    this.error = undefined;
  }

  async run(args: A = this.config.args()): Promise<void> {
    this.previous = args;
    if (this.status === TaskStatus.PENDING) this.controller?.abort();
    this.status = TaskStatus.PENDING;
    this.host.requestUpdate();
    const call = ++this.call;
    this.controller = new AbortController();
    let result: R | typeof initialState | undefined;
    let error: unknown;
    let failed = false;
    try {
      result = await this.config.task(args, {signal: this.controller.signal});
    } catch (e) {
      failed = true;
      error = e;
    }
    if (call !== this.call) return;
    if (result === initialState) {
      this.status = TaskStatus.INITIAL;
    } else {
      try {
        if (failed) this.config.onError?.(error);
        else this.config.onComplete?.(result as R);
      } catch {
        // As @lit/task: a callback's error does not change the task's state.
      }
      this.status = failed ? TaskStatus.ERROR : TaskStatus.COMPLETE;
      this.value = result as R | undefined;
      this.error = error;
    }
    this.host.requestUpdate();
  }

  abort(): void {
    if (this.status === TaskStatus.PENDING) this.controller?.abort();
  }

  render<T>(renderer: TaskRenderer<R, T>): T | undefined {
    const {status} = this;
    return status === TaskStatus.INITIAL
      ? renderer.initial?.()
      : status === TaskStatus.PENDING
        ? renderer.pending?.()
        : status === TaskStatus.COMPLETE
          ? renderer.complete?.(this.value as R)
          : renderer.error?.(this.error);
  }
}
