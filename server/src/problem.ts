import type {Problem} from '../../src/contract/problem.ts';

export type {Problem};

/** Thrown anywhere below a route; the app turns it into application/problem+json. */
export class ProblemError extends Error {
  readonly problem: Problem;
  readonly headers: Record<string, string>;

  constructor(problem: Problem, headers: Record<string, string> = {}) {
    super(problem.detail ?? problem.title);
    this.problem = problem;
    this.headers = headers;
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
};

export function problem(status: number, detail?: string, errors?: Record<string, string>): ProblemError {
  return new ProblemError({
    title: TITLES[status] ?? 'Error',
    status,
    ...(detail !== undefined && {detail}),
    ...(errors !== undefined && {errors}),
  });
}

/** The one answer for a statement id that names nothing (or could not). */
export function noStatement(id: string): ProblemError {
  return problem(404, `No statement "${id}".`);
}
