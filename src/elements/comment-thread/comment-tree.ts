import type {Comment} from '../../api/index.js';

/** A loaded comment with the replies loaded under it. */
export interface CommentNode {
  comment: Comment;
  /** Position in the loaded items: stable while pages are appended, so it makes DOM ids. */
  index: number;
  parent?: CommentNode;
  replies: CommentNode[];
  /** This comment and all the replies under it. */
  size: number;
}

/**
 * Threads a page's flat items (a reply never comes before its parent).
 * A reply whose parent is not loaded, or comes after it, is shown as a
 * root, so a comment is never lost and a cycle can never form; a repeated
 * id (a comment that moved across a page boundary) is shown once.
 * `byId` (empty) is filled with each shown comment's node.
 */
export function buildCommentTree(items: readonly Comment[], byId = new Map<string, CommentNode>()): CommentNode[] {
  const roots: CommentNode[] = [];
  const nodes: CommentNode[] = [];
  items.forEach((comment, index) => {
    if (byId.has(comment.id)) return;
    const parent = comment.parentId === null ? undefined : byId.get(comment.parentId);
    const node: CommentNode = {comment, index, parent, replies: [], size: 1};
    byId.set(comment.id, node);
    nodes.push(node);
    (parent ? parent.replies : roots).push(node);
  });
  // A parent always comes before its replies: summing from the end counts each subtree in one pass.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const {parent, size} = nodes[i];
    if (parent) parent.size += size;
  }
  return roots;
}

/**
 * Splits top-level comments into runs of about `size` comments (replies
 * included), the first of about `first`: the units a long thread renders
 * one at a time. A root is never split from its replies.
 */
export function chunkRoots(roots: readonly CommentNode[], first: number, size: number): CommentNode[][] {
  const chunks: CommentNode[][] = [];
  let chunk: CommentNode[] = [];
  let count = 0;
  for (const root of roots) {
    chunk.push(root);
    count += root.size;
    if (count >= (chunks.length ? size : first)) {
      chunks.push(chunk);
      chunk = [];
      count = 0;
    }
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/** A node's replies and theirs, in reading order (depth first), without recursion. */
export function descendants(node: CommentNode): CommentNode[] {
  const out: CommentNode[] = [];
  const stack = [...node.replies].reverse();
  while (stack.length) {
    const next = stack.pop()!;
    out.push(next);
    for (let i = next.replies.length - 1; i >= 0; i--) stack.push(next.replies[i]);
  }
  return out;
}
