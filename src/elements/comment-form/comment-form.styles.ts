import {css} from 'lit';

export const commentFormStyles = css`
  .root {
    display: grid;
    gap: 0.75rem;
  }
  h3 {
    margin: 0;
    font-size: 1.1em;
  }
  .over {
    color: var(--_danger);
  }
`;
