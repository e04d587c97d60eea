import {css} from 'lit';

/** Styles the sign and comment forms share. */
export const formStyles = css`
  form {
    display: grid;
    gap: 0.85rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
  }
  input:not([type='checkbox'], [type='radio']),
  textarea {
    width: 100%;
    min-height: 2.5rem;
    padding: 0.45em 0.65em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
  }
  textarea {
    resize: vertical;
  }
  .invalid input,
  .invalid textarea {
    border-color: var(--_danger);
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.9em;
  }
  .hint {
    font-size: 0.85em;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
  }
  legend {
    padding: 0;
    margin-block-end: 0.25rem;
    font-weight: 600;
  }
  .check {
    display: flex;
    gap: 0.5em;
    align-items: center;
    font-weight: normal;
  }
  .check input {
    width: 1.1rem;
    height: 1.1rem;
    accent-color: var(--_accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .form-error {
    color: var(--_danger);
  }
  .confirmation {
    padding: 0.75em var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* Clipped where it stands, not pushed 10 000 px aside: an offset made
     right-to-left pages (and RTL containers) scroll that far sideways. */
  .honeypot {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
