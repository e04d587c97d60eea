import {css} from 'lit';

export const signatoryListStyles = css`
  .root {
    display: grid;
    gap: var(--_space);
  }
  .skeleton.heading-line {
    width: 12em;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em var(--_space);
  }
  .search {
    flex: 1 1 14em;
    margin: 0;
  }
  input[type='search'] {
    width: 100%;
    min-height: 2.5rem;
    padding: 0.4em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
  }
  .filter {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  /* A floated legend sits in the row like the options instead of on the fieldset's border. */
  .filter-label {
    float: inline-start;
    padding: 0;
    font-size: 0.9em;
  }
  .options {
    display: inline-flex;
    flex-wrap: wrap;
  }
  .option span {
    display: inline-flex;
    align-items: center;
    min-height: 2.5rem;
    padding: 0.3em 0.9em;
    border: 1px solid var(--_border);
    cursor: pointer;
  }
  .option + .option span {
    margin-inline-start: -1px;
  }
  .option:first-child span {
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
  }
  .option:last-child span {
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
  }
  .option input:checked + span {
    position: relative;
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .option input:focus-visible + span {
    position: relative;
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .results {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.9em;
    color: var(--_muted);
  }
  /* Out of the flow while empty, so it adds no gap; still in place to announce. */
  .results:empty {
    position: absolute;
  }
  .list {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    display: grid;
    grid-template-columns: minmax(2.5em, auto) 1fr;
    gap: 0 0.75em;
    align-items: baseline;
    padding-block: 0.6em;
    border-block-end: 1px solid var(--_border);
  }
  .item:first-child {
    border-block-start: 1px solid var(--_border);
  }
  /* A long list: a scroll box of fixed-height rows, only those in view rendered (spacers stand for the rest). */
  .list.virtual {
    display: block;
    box-sizing: border-box;
    /* 34em of 5.25em rows: INITIAL_ROWS in the component counts on these two. */
    max-block-size: min(70vh, 34em);
    overflow-y: auto;
    border-block: 1px solid var(--_border);
  }
  .list.virtual::before,
  .list.virtual::after {
    content: '';
    display: block;
    block-size: var(--_above, 0);
  }
  .list.virtual::after {
    block-size: var(--_below, 0);
  }
  .list.virtual:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .virtual .item {
    box-sizing: border-box;
    block-size: 5.25em;
    overflow: hidden;
    padding-block: 0.5em;
    border-block-start: 0;
  }
  .virtual .entry > * {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .skeleton.line {
    block-size: 1.2em;
    inline-size: min(14em, 100%);
  }
  .number {
    text-align: end;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .entry {
    display: grid;
    min-width: 0;
  }
  .entry > * {
    min-width: 0;
  }
  .name {
    font-weight: 700;
  }
  .details {
    font-size: 0.95em;
  }
  /* Shrinks to the row with an ellipsis rather than push it wider (375 px). */
  .verified {
    display: inline-block;
    max-inline-size: 100%;
    box-sizing: border-box;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    vertical-align: bottom;
    padding: 0 0.45em;
    border: 1px solid;
    border-radius: 1em;
    color: var(--_accent);
    font-size: 0.8em;
  }
  .verified::before {
    content: '✓ ' / '';
  }
  .location,
  .unlisted,
  .showing {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .unlisted {
    margin: 0;
  }
  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em var(--_space);
  }
  .more > .status {
    flex: 1 1 100%;
  }
  .loading {
    display: grid;
    gap: 0.5em;
  }
  .skeleton.row {
    height: 3.5em;
  }

  .sign-form {
    display: block;
    margin-block-start: calc(var(--_space) * 1.5);
  }
`;
