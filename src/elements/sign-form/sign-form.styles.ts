import {css} from 'lit';

export const signFormStyles = css`
  .root {
    display: grid;
    gap: 0.75rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  h3 {
    margin: 0;
    font-size: 1.15em;
  }
  .privacy {
    margin: 0;
    font-size: 0.875em;
  }
`;
