/**
 * One JSON request with the behaviour every call of the client shares: a
 * timeout, the caller's abort signal, retry with exponential backoff for
 * transient failures (network, timeout, 5xx, 429 honouring Retry-After),
 * and problem+json errors.
 */
import {ApiError} from './errors.js';
import {parseProblem} from './validate.js';

export interface FetchPolicy {
  /** Milliseconds before one attempt counts as timed out. */
  timeout: number;
  /** Attempts after the first one, for transient failures only. */
  retries: number;
  /** First backoff in milliseconds; doubled each retry, with jitter. */
  backoff: number;
  /** Longest wait we accept from a Retry-After before giving up instead. */
  maxRetryAfter: number;
}

export const defaultPolicy: FetchPolicy = {timeout: 10_000, retries: 2, backoff: 500, maxRetryAfter: 10};

export interface JsonRequest {
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function abortError(): DOMException {
  return new DOMException('The request was aborted.', 'AbortError');
}

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts. */
function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const done = () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, {once: true});
  });
}

/** Retry-After is either delay-seconds or an HTTP date. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function attempt(url: string, req: JsonRequest, policy: FetchPolicy): Promise<unknown> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, policy.timeout);
  const forwardAbort = () => controller.abort();
  req.signal?.addEventListener('abort', forwardAbort, {once: true});
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        method: req.method ?? 'GET',
        headers: {
          Accept: 'application/json, application/problem+json',
          ...(req.body === undefined ? {} : {'Content-Type': 'application/json'}),
          ...req.headers,
        },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: controller.signal,
        credentials: 'omit',
      });
    } catch (error) {
      if (req.signal?.aborted) throw abortError();
      if (timedOut) throw new ApiError('timeout', `No answer from ${url} within ${policy.timeout} ms`);
      throw new ApiError('network', `Could not reach ${url}`, {cause: error});
    }
    let body: unknown;
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (req.signal?.aborted) throw abortError();
      if (timedOut) throw new ApiError('timeout', `No answer from ${url} within ${policy.timeout} ms`);
      throw new ApiError('network', `The connection to ${url} broke`, {cause: error});
    }
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch (error) {
      if (!response.ok) body = undefined;
      else throw new ApiError('invalid', `${url} did not answer with JSON`, {status: response.status, cause: error});
    }
    if (!response.ok) {
      const problem = parseProblem(body, response.status);
      throw new ApiError('http', problem?.title || `${url} answered ${response.status}`, {
        status: response.status,
        problem,
        retryAfter: retryAfterSeconds(response.headers.get('Retry-After')),
      });
    }
    return body;
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', forwardAbort);
  }
}

/** Fetches JSON, retrying transient failures; rejects with ApiError or an AbortError. */
export async function fetchJson(url: string, req: JsonRequest = {}, policy: FetchPolicy = defaultPolicy): Promise<unknown> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt(url, req, policy);
    } catch (error) {
      if (!(error instanceof ApiError) || !error.transient || tries >= policy.retries) throw error;
      if (error.retryAfter !== undefined && error.retryAfter > policy.maxRetryAfter) throw error;
      const backoff = policy.backoff * 2 ** tries * (0.75 + Math.random() * 0.5);
      await wait(error.retryAfter !== undefined ? error.retryAfter * 1000 : backoff, req.signal);
    }
  }
}
