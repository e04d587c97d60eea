import {css} from 'lit';

export const commentThreadStyles = css`
  :host {
    /* Each reply level's indent: narrower on small screens so deep threads keep room for text. */
    --_indent: min(var(--undersigned-comment-indent, 1.5rem), 5vw);
  }
  .root {
    display: grid;
    gap: var(--_space);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em var(--_space);
  }
  .header {
    position: relative;
  }
  /* Over the top of the list, out of the flow: what the reader is reading does not move. */
  .fresh {
    position: absolute;
    inset-block-start: calc(100% + var(--_space) / 2);
    inset-inline: 0;
    z-index: 1;
    display: flex;
    justify-content: center;
    pointer-events: none;
  }
  .fresh .button {
    pointer-events: auto;
    border-radius: 999px;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
  }
  .skeleton.heading-line {
    width: 9em;
  }
  .sort {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    font-size: 0.9em;
  }
  select {
    min-height: 2.5rem;
    padding: 0.3em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
  }
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* Block flow, not grid: appending a page lays out only what is new (a grid of 2 000 items re-places them all). */
  .list {
    display: block;
  }
  /*
   * A top-level comment far from the view skips layout and paint (its size
   * remembered once seen): a long thread stays cheap to grow and to scroll.
   * The padding keeps focus rings inside the paint containment. Only the
   * block size is guessed: a guessed inline size would be the item's
   * min-content width, and widen a grid or flex container around the thread.
   */
  .list > li {
    content-visibility: auto;
    contain-intrinsic-block-size: auto 12em;
    padding: 4px;
    margin: -4px;
  }
  /* With the neighbours' -4px margins collapsed in: the same gap as the grid's. */
  .list > li + li {
    margin-block-start: calc(var(--_space) - 4px);
  }
  .replies {
    display: grid;
    gap: var(--_space);
    margin-block-start: var(--_space);
    padding-inline-start: var(--_indent);
    border-inline-start: 2px solid var(--_border);
  }
  .comment {
    display: grid;
    gap: 0.35em;
    border-radius: var(--_radius);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.6em;
  }
  .author {
    margin: 0;
    font-size: 1em;
    font-weight: 700;
  }
  time,
  .edited,
  .in-reply-to {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .in-reply-to {
    margin: 0;
    font-style: italic;
  }
  .body > :first-child {
    margin-block-start: 0;
  }
  .body > :last-child {
    margin-block-end: 0;
  }
  .body p {
    margin-block: 0 0.6em;
  }
  .body blockquote {
    margin-inline: 0;
    margin-block: 0 0.6em;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
  }
  .loading {
    display: grid;
    gap: var(--_space);
  }
  .skeleton.comment-block {
    height: 5.5em;
  }

  .reply-button {
    justify-self: start;
    margin-block-start: 0.25rem;
    padding: 0.25em 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 600;
    min-height: 2rem;
  }
  .reply-button:hover {
    text-decoration: underline;
  }
  .pending {
    display: inline-block;
    margin: 0.25rem 0;
    padding: 0.1em 0.6em;
    border-radius: var(--_radius);
    background: var(--_note, var(--_surface));
    font-size: 0.85em;
  }
  .reply-form {
    display: block;
    margin-block: 0.5rem 1rem;
    padding-inline-start: var(--_space);
    border-inline-start: 2px solid var(--_border);
  }
  .root-form {
    display: block;
    margin-block-start: calc(var(--_space) * 1.5);
  }
`;
