import {css} from 'lit';

export const statementCardStyles = css`
  .root {
    display: grid;
    gap: var(--_space);
  }
  .kicker {
    margin: 0;
    font-size: 0.8em;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_accent);
  }
  .title {
    margin: 0;
    font-size: var(--undersigned-title-size, 2em);
    line-height: 1.15;
    font-weight: 700;
    text-wrap: balance;
  }
  .summary {
    margin: 0;
    font-size: 1.15em;
    color: var(--_muted);
  }
  figure {
    margin: 0;
  }
  .hero img {
    display: block;
    width: 100%;
    height: auto;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  figcaption {
    margin-block-start: 0.4em;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .credit {
    font-style: italic;
  }
  .notes {
    display: grid;
    gap: 0.5em;
  }
  .note {
    margin: 0;
    padding: 0.75em var(--_space);
    border-inline-start: 4px solid #e0a100;
    border-radius: var(--_radius);
    background: var(--_note);
  }
  .note-label {
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    font-size: 0.85em;
  }
  .goal {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  .goal progress {
    flex: 1;
    accent-color: var(--undersigned-color-accent, #0b5cad);
  }
  .body {
    font-size: 1.0625em;
  }
  .body > :first-child {
    margin-block-start: 0;
  }
  .body > :last-child {
    margin-block-end: 0;
  }
  .body h2,
  .body h3,
  .body h4 {
    line-height: 1.25;
  }
  .body blockquote {
    margin-inline: 0;
    padding-inline-start: var(--_space);
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
  }
  .body img {
    max-width: 100%;
    height: auto;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em var(--_space);
    padding-block-start: 0.75em;
    border-block-start: 1px solid var(--_border);
    font-size: 0.9em;
  }
  .dates {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
  }
  .loading {
    display: grid;
    gap: var(--_space);
  }
  .skeleton.kicker-line {
    width: 8em;
    height: 1em;
  }
  .skeleton.title-line {
    width: 80%;
    height: 2.2em;
  }
  .skeleton.hero {
    aspect-ratio: 16 / 9;
  }
  .skeleton.text {
    height: 6em;
  }
  slot:not([name])::slotted(*) {
    margin-block-start: calc(var(--_space) * 1.5);
  }
`;
