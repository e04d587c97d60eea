/**
 * Log lines: one request, one line. Every value that came from outside
 * (a path, an error message) has its control characters escaped, so a
 * request cannot forge a line (`%0A`) or drive the operator's terminal
 * (`%1B[2J`). `LOG_FORMAT=json` writes one JSON object a line instead.
 */

export type LogFormat = 'text' | 'json';
export type LogLevel = 'info' | 'error';
/** Where lines go: main.ts sends errors to stderr, the rest to stdout. */
export type LogSink = (line: string, level?: LogLevel) => void;

// C0, DEL, C1 and the two Unicode line separators.
const CONTROL = /[\0-\x1f\x7f-\x9f\u2028\u2029]/g;

/** `s` with each control character as a visible escape: \n, \t, \x1b, \u2028. */
export function escapeControls(s: string): string {
  return s.replace(CONTROL, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    const code = ch.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

/** JSON.stringify escapes C0 controls; this also escapes C1 and U+2028/9, which it leaves raw. */
function jsonLine(value: Record<string, unknown>): string {
  return JSON.stringify(value).replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface AccessEntry {
  method: string;
  path: string;
  /** The status the client was sent. */
  status: number;
  ms: number;
  /** The connection closed before the whole response was written. */
  aborted?: boolean;
}

export function accessLine(format: LogFormat, e: AccessEntry): string {
  if (format === 'json') {
    return jsonLine({time: new Date().toISOString(), level: 'info', method: e.method, path: e.path, status: e.status,
      ms: e.ms, ...(e.aborted && {aborted: true})});
  }
  return `${escapeControls(e.method)} ${escapeControls(e.path)} ${e.status} ${e.ms}ms${e.aborted ? ' aborted' : ''}`;
}

/** An unexpected error: its stack, once, on one line (the client got a bare 500). */
export function errorLine(format: LogFormat, method: string, path: string, err: unknown): string {
  const stack = err instanceof Error ? err.stack ?? `${err.name}: ${err.message}` : String(err);
  if (format === 'json') return jsonLine({time: new Date().toISOString(), level: 'error', method, path, error: stack});
  return `ERROR ${escapeControls(method)} ${escapeControls(path)}: ${escapeControls(stack)}`;
}
