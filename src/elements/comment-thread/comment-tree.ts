import type {Comment} from '../../api/index.js';

/** A loaded comment with the replies loaded under it. */
export interface CommentNode {
  comment: Comment;
  /** Position in the loaded items: stable while pages are appended, so it makes DOM ids. */
  index: number;
  parent?: CommentNode;
  replies: CommentNode[];
}

/**
 * Threads a page's flat items (a reply never comes before its parent).
 * A reply whose parent is not loaded, or comes after it, is shown as a
 * root, so a comment is never lost and a cycle can never form; a repeated
 * id (a comment that moved across a page boundary) is shown once.
 */
export function buildCommentTree(items: readonly Comment[]): CommentNode[] {
  const roots: CommentNode[] = [];
  const byId = new Map<string, CommentNode>();
  items.forEach((comment, index) => {
    if (byId.has(comment.id)) return;
    const parent = comment.parentId === null ? undefined : byId.get(comment.parentId);
    const node: CommentNode = {comment, index, parent, replies: []};
    byId.set(comment.id, node);
    (parent ? parent.replies : roots).push(node);
  });
  return roots;
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
