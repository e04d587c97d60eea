import {css} from 'lit';

/**
 * Styles every element shares. Public theming tokens are `--undersigned-*`
 * (documented on each element); `--_*` are private. Colours derive from the
 * host page's text colour, so the widgets fit light and dark pages alike;
 * only the accent switches with prefers-color-scheme. A `theme="light"` or
 * `theme="dark"` element draws its own text colour and background instead,
 * and hands its colours to the widgets inside it through the inherited
 * `--_theme-*` properties.
 */
export const baseStyles = css`
  :host {
    --_accent: var(--undersigned-color-accent, var(--_theme-accent, #0b5cad));
    --_on-accent: var(--undersigned-color-on-accent, var(--_theme-on-accent, #fff));
    --_text: var(--undersigned-color-text, var(--_theme-text, currentColor));
    --_muted: var(--undersigned-color-muted, color-mix(in srgb, currentColor 68%, transparent));
    --_border: var(--undersigned-color-border, color-mix(in srgb, currentColor 22%, transparent));
    --_surface: var(--undersigned-color-surface, color-mix(in srgb, currentColor 5%, transparent));
    --_note: var(--undersigned-color-note, color-mix(in srgb, #e0a100 18%, transparent));
    --_danger: var(--undersigned-color-danger, var(--_theme-danger, #b3261e));
    --_radius: var(--undersigned-radius, 0.5rem);
    --_space: var(--undersigned-space, 1rem);
    --_font: var(--undersigned-font-family, inherit);
    display: block;
    color-scheme: var(--_theme-scheme, light dark);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--undersigned-color-accent, var(--_theme-accent, #8ab8ff));
      --_on-accent: var(--undersigned-color-on-accent, var(--_theme-on-accent, #0b1a2e));
      --_danger: var(--undersigned-color-danger, var(--_theme-danger, #ffb4ab));
    }
  }
  :host([theme='light']) {
    --_theme-scheme: light;
    --_theme-accent: #0b5cad;
    --_theme-on-accent: #fff;
    --_theme-danger: #b3261e;
    --_theme-text: #1f2328;
    --_theme-background: #fff;
  }
  :host([theme='dark']) {
    --_theme-scheme: dark;
    --_theme-accent: #8ab8ff;
    --_theme-on-accent: #0b1a2e;
    --_theme-danger: #ffb4ab;
    --_theme-text: #e8eaed;
    --_theme-background: #1b1d22;
  }
  :host([theme='light']) .root,
  :host([theme='dark']) .root {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--undersigned-color-background, var(--_theme-background));
  }
  :host([hidden]) {
    display: none;
  }
  /* Host pages set inherited properties (line-height, text-align, …) on
     everything, sometimes with !important; the root resets what it inherits
     but font family and colour, which the widgets take from the page. */
  .root {
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--undersigned-font-size, 1rem);
    font-weight: normal;
    font-style: normal;
    font-variant: normal;
    line-height: var(--undersigned-line-height, 1.5);
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-align-last: auto;
    text-transform: none;
    text-shadow: none;
    text-indent: 0;
    white-space: normal;
    word-break: normal;
    hyphens: manual;
    overflow-wrap: anywhere;
    list-style: outside;
    color: var(--_text);
  }
  .root *,
  .root *::before,
  .root *::after {
    box-sizing: inherit;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    line-height: inherit;
  }
  button {
    cursor: pointer;
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.5rem;
    padding: 0.4em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
  }
  .button:hover {
    background: var(--_surface);
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .button[disabled] {
    cursor: progress;
    opacity: 0.7;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .status {
    display: grid;
    gap: 0.75rem;
    justify-items: start;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .status.error {
    border-color: var(--_danger);
  }
  .status.error strong {
    color: var(--_danger);
  }
  .skeleton {
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_surface), color-mix(in srgb, currentColor 10%, transparent), var(--_surface));
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  @keyframes shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  .muted {
    color: var(--_muted);
  }
  /* The count heading of a list (signatories, comments), and its placeholder while loading. */
  .heading {
    margin: 0;
    font-size: 1.35em;
    line-height: 1.25;
    font-weight: 700;
  }
  .skeleton.heading-line {
    max-width: 100%;
    height: 1.7em;
  }
`;
