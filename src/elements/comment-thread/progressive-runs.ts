import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {RELATIVE_TIME_INTERVAL} from '../../controllers/relative-time.js';
import {whenIdle} from '../../internal/idle.js';
import {chunkRoots, descendants, type CommentNode} from './comment-tree.js';

/** Comments rendered at once: about a screenful. */
const FIRST_COMMENTS = 20;
/** Comments rendered per idle moment after that: a few milliseconds of work, far from a 50 ms task. */
const RUN_COMMENTS = 40;

/** A run of top-level comments (with their replies) rendered as one unit. */
export interface Run {
  roots: CommentNode[];
  /** Comments in the run, replies included: a reply loaded later changes it, so the run re-renders. */
  size: number;
  /** The relative-time minute the run was last rendered in. */
  stamp: number;
}

const currentMinute = () => Math.floor(Date.now() / RELATIVE_TIME_INTERVAL);

/**
 * Progressive rendering of a long thread: about a screenful of comments
 * at once, the rest in runs of a few dozen while the page is idle. A run's
 * `stamp` says in which minute its relative dates were rendered: the first
 * run refreshes on the minute, the others one per idle moment after.
 */
export class ProgressiveRuns implements ReactiveController {
  runs: Run[] = [];
  /** How many runs are rendered. */
  shown = 0;
  private runOf = new Map<string, number>();
  private runsFor?: CommentNode[];
  private minute = currentMinute();
  private revealId?: string;
  private cancelIdle?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & {readonly isConnected: boolean},
    /** The tree's top-level comments, when there is a list to render. */
    private readonly roots: () => CommentNode[] | undefined
  ) {
    host.addController(this);
  }

  /** The run holding a comment, by id. */
  runIndexOf(id: string): number | undefined {
    return this.runOf.get(id);
  }

  /** Renders the run holding `id` at the next update (the reader's own comment, just sent). */
  reveal(id: string): void {
    this.revealId = id;
    this.showThrough(this.runOf.get(id));
  }

  hostUpdate(): void {
    const minute = currentMinute();
    if (minute !== this.minute) {
      // A new minute (the shared timer's tick): the first run's dates now, the others' when idle.
      this.minute = minute;
      if (this.runs[0]) this.runs[0].stamp = minute;
    }
    const roots = this.roots();
    if (roots) this.split(roots);
  }

  hostUpdated(): void {
    this.revealId = undefined;
    this.schedule();
  }

  hostDisconnected(): void {
    this.cancelIdle?.();
    this.cancelIdle = undefined;
  }

  /** Splits a new tree into runs. Pages appended keep what is on screen, and their first run renders at once; a new list starts with a screenful. */
  private split(roots: CommentNode[]): void {
    if (this.runsFor === roots) return;
    const previous = this.runsFor;
    const old = this.runs;
    this.runsFor = roots;
    this.runOf = new Map();
    this.runs = chunkRoots(roots, FIRST_COMMENTS, RUN_COMMENTS).map((runRoots, k) => {
      let size = 0;
      for (const root of runRoots) {
        size += root.size;
        this.runOf.set(root.comment.id, k);
        for (const reply of descendants(root)) this.runOf.set(reply.comment.id, k);
      }
      const same = old[k]?.roots[0].comment === runRoots[0].comment && old[k].size === size;
      return {roots: runRoots, size, stamp: same ? old[k].stamp : this.minute};
    });
    const appended = Boolean(previous?.length && roots[0]?.comment === previous[0].comment);
    // New comments put before the old ones (live, newest first) keep what is on screen too.
    const prepended = Boolean(previous?.length && roots[roots.length - previous!.length]?.comment === previous![0].comment);
    this.shown = Math.min(this.runs.length, appended || prepended ? Math.max(1, this.shown) : 1);
    if (appended && roots.length > previous!.length) this.showThrough(this.runOf.get(roots[previous!.length].comment.id));
    if (this.revealId !== undefined) this.showThrough(this.runOf.get(this.revealId));
  }

  private showThrough(k: number | undefined): void {
    if (k !== undefined) this.shown = Math.max(this.shown, k + 1);
  }

  /** The next bit of deferred work: render the next run, else refresh one run's relative dates. */
  private schedule(): void {
    if (this.cancelIdle || !this.host.isConnected) return;
    const stale = this.runs.findIndex((run, k) => k < this.shown && run.stamp < this.minute);
    if (this.shown >= this.runs.length && stale < 0) return;
    this.cancelIdle = whenIdle(() => {
      this.cancelIdle = undefined;
      if (this.shown < this.runs.length) this.runs[this.shown++].stamp = this.minute;
      else if (this.runs[stale]) this.runs[stale].stamp = this.minute;
      this.host.requestUpdate();
    });
  }
}
