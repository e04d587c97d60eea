import type {Comment} from '../../api/index.js';

/** The bucket of comments held for the top of the thread. */
const TOP = '';

/**
 * Comments published while the reader reads (a live stream), held until
 * they ask for them so nothing moves under their eyes: new top-level
 * comments (and the replies to them) wait at the top of the thread, a
 * reply to a comment on screen waits under that comment.
 */
export class FreshComments {
  /** Held comments by where they wait: TOP, or the id of the comment on screen they answer. */
  private readonly buckets = new Map<string, Comment[]>();
  private readonly bucketOf = new Map<string, string>();

  /**
   * Holds the comments of a live change. `shown` says which comments are on
   * screen; `topFits` whether a new top-level comment belongs to what is
   * loaded (else a later page brings it). Answers whether anything was held.
   */
  hold(added: readonly Comment[], shown: ReadonlySet<string>, topFits: boolean): boolean {
    let held = false;
    for (const comment of added) {
      if (shown.has(comment.id) || this.bucketOf.has(comment.id)) continue;
      const parent = comment.parentId;
      const bucket = parent === null ? (topFits ? TOP : undefined) : shown.has(parent) ? parent : this.bucketOf.get(parent);
      if (bucket === undefined) continue;
      this.bucketOf.set(comment.id, bucket);
      const list = this.buckets.get(bucket);
      if (list) list.push(comment);
      else this.buckets.set(bucket, [comment]);
      held = true;
    }
    return held;
  }

  /** How many wait at the top, or under comment `id`. */
  count(id = TOP): number {
    return this.buckets.get(id)?.length ?? 0;
  }

  /** The ids of the comments on screen that have replies waiting. */
  parents(): string[] {
    return [...this.buckets.keys()].filter((k) => k !== TOP);
  }

  /** Hands over (and forgets) what waits at the top, or under comment `id`, oldest first. */
  take(id = TOP): Comment[] {
    const taken = this.buckets.get(id) ?? [];
    this.buckets.delete(id);
    for (const c of taken) this.bucketOf.delete(c.id);
    return taken;
  }

  clear(): void {
    this.buckets.clear();
    this.bucketOf.clear();
  }
}

/** Top-level comments with their replies, newest thread first (a reply always after the comment it answers). */
export function newestFirst(comments: readonly Comment[]): Comment[] {
  const rootOf = new Map<string, Comment[]>();
  const threads: Comment[][] = [];
  for (const c of comments) {
    const thread = (c.parentId !== null && rootOf.get(c.parentId)) || [];
    if (!thread.length) threads.push(thread);
    thread.push(c);
    rootOf.set(c.id, thread);
  }
  return threads.reverse().flat();
}
