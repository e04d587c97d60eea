import {css} from 'lit';

export const queueStyles = css`
  .filters { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: end; }
  .filters > * { flex: 0 1 auto; }
  .filters input, .filters select { width: auto; }
  kbd { border: 1px solid #6b6f78; border-radius: 3px; padding: 0 0.3rem; font-size: 0.85em; }
  .items { list-style: none; padding: 0; margin: 0; }
  .items li { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0.25rem 0.75rem; padding: 0.6rem; border-bottom: 1px solid #d5d7dc; }
  .items li.current { background: #eef4fb; }
  .items li:focus { outline: 3px solid #0b5cad; outline-offset: -3px; }
  .items .one { grid-column: 2; }
  .items p { margin: 0.1rem 0; overflow-wrap: anywhere; }
  .meta { color: #50545c; font-size: 0.9rem; }
  .text { white-space: pre-line; }
  .parent { margin: 0.3rem 0; padding-inline-start: 0.75rem; border-inline-start: 3px solid #d5d7dc; color: #50545c; }
  .live { min-height: 2.5rem; }
`;
