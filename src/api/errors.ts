import type {Problem} from '../contract/index.js';

export type {Problem};

/** Why a request failed, in the terms an element shows to a reader. */
export type ApiErrorKind =
  /** No response: offline, DNS, CORS, connection refused. */
  | 'network'
  /** No response within the client's timeout. */
  | 'timeout'
  /** A non-2xx response; see `status` and `problem`. */
  | 'http'
  /** A 2xx response whose body was not the contract's JSON. */
  | 'invalid';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly problem?: Problem;
  /** Seconds to wait before trying again, from a 429/503 Retry-After. */
  readonly retryAfter?: number;

  constructor(
    kind: ApiErrorKind,
    message: string,
    details: {status?: number; problem?: Problem; retryAfter?: number; cause?: unknown} = {}
  ) {
    super(message, {cause: details.cause});
    this.kind = kind;
    this.status = details.status;
    this.problem = details.problem;
    this.retryAfter = details.retryAfter;
  }

  /** Worth retrying automatically: the same request may well succeed later. */
  get transient(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    return this.kind === 'http' && (this.status === 429 || (this.status ?? 0) >= 500);
  }
}

/** The error an aborted request rejects with; elements ignore it. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
