/** RFC 9457 problem documents: every non-2xx answer of the API. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  /** Per-field messages of a 422, keyed by the request body's field names (`author.name`). */
  errors?: Record<string, string>;
}
