import {css} from 'lit';

export const editorStyles = css`
  .pair { display: flex; gap: 1rem; flex-wrap: wrap; }
  .pair > div { flex: 1 1 8rem; }
  .body-pair { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); }
  @media (min-width: 60rem) { .body-pair { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
  .preview { border: 1px dashed #6b6f78; border-radius: 4px; padding: 0.5rem 1rem; min-height: 4rem; overflow-wrap: anywhere; }
  .preview img { max-width: 100%; height: auto; }
  .notes ol { padding-inline-start: 1.25rem; }
  .notes li { margin-bottom: 1rem; }
`;
