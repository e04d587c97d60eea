import {css} from 'lit';

export const invitationsStyles = css`
  form { margin-bottom: 1rem; }
  #count { max-width: 8rem; }
  #links { font-family: ui-monospace, monospace; font-size: 0.875rem; white-space: pre; }
  .made { border: 2px solid #1d6b2f; border-radius: 4px; padding: 0 1rem 1rem; margin: 1rem 0; max-width: 42rem; }
  .status-used { color: #1d6b2f; }
  .status-revoked { color: #50545c; }
  h2:focus { outline: none; }
`;
