import {css} from 'lit';

/** What every console view shares: plain, legible, usable at 375 px. */
export const consoleStyles = css`
  :host {
    display: block;
    font: 16px/1.5 system-ui, sans-serif;
    color: #1b1d22;
  }
  h1 { font-size: 1.5rem; margin: 0 0 1rem; }
  h2 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
  h1:focus { outline: none; }
  a { color: #0b5cad; }
  label { display: block; font-weight: 600; margin: 0.75rem 0 0.25rem; }
  label.inline { display: inline-flex; gap: 0.4rem; align-items: center; font-weight: normal; margin: 0.25rem 1rem 0.25rem 0; }
  input:not([type='checkbox']):not([type='radio']), select, textarea {
    box-sizing: border-box; width: 100%; max-width: 40rem; font: inherit; padding: 0.4rem 0.5rem;
    border: 1px solid #6b6f78; border-radius: 4px; background: #fff; color: inherit;
  }
  textarea { min-height: 6rem; }
  button {
    font: inherit; padding: 0.4rem 0.9rem; border-radius: 4px; border: 1px solid #0b5cad;
    background: #0b5cad; color: #fff; cursor: pointer; margin: 0.25rem 0.4rem 0.25rem 0;
  }
  button.secondary { background: #fff; color: #0b5cad; }
  button.danger { background: #a11d16; border-color: #a11d16; color: #fff; }
  button:disabled { opacity: 0.6; cursor: default; }
  :focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
  .hint { color: #50545c; font-size: 0.9rem; margin: 0.2rem 0; }
  .error { color: #a11d16; }
  [role='alert'].error, .box { border: 1px solid currentColor; border-radius: 4px; padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
  .ok { color: #1d6b2f; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: start; vertical-align: top; padding: 0.4rem; border-bottom: 1px solid #d5d7dc; }
  .scroll { overflow-x: auto; max-width: 100%; }
  fieldset { border: 1px solid #d5d7dc; border-radius: 4px; margin: 1rem 0; padding: 0.5rem 1rem 1rem; max-width: 42rem; }
  legend { font-weight: 600; padding: 0 0.25rem; }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
  }
`;
