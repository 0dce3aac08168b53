import type { SchemaIssue } from '../core/pool-schema';

/** Everything that can go wrong between the dashboard and the upstream, in words a person can act on. */
export type ApiErrorKind =
  | 'invalid-symbol'
  | 'rate-limited'
  | 'banned'
  | 'unreachable'
  | 'timeout'
  | 'bad-response'
  | 'upstream'
  /** The dashboard's own history API has no record of the symbol asked about (404). */
  | 'not-recorded'
  /** The dashboard's own history API could not answer, or answered what cannot be read. */
  | 'history-unavailable'
  /** The exchange listed no pool at all where it listed some before: taken for a fault. */
  | 'empty-list';

export interface ApiErrorDetails {
  status?: number;
  /** The symbol asked for, with `invalid-symbol` and `not-recorded`. */
  symbol?: string;
  /** Epoch ms before which the endpoint must not be asked again, with `rate-limited` and `banned`. */
  retryAt?: number;
  /** What the upstream or the parser said, for the record; never shown raw as the only message. */
  detail?: string;
  /** With `bad-response` from a well-formed JSON answer: the first field that does not fit. */
  issue?: SchemaIssue;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly symbol?: string;
  readonly retryAt?: number;
  readonly detail?: string;
  readonly issue?: SchemaIssue;

  constructor(kind: ApiErrorKind, details: ApiErrorDetails = {}) {
    super(`${kind}${details.detail ? `: ${details.detail}` : ''}`);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = details.status;
    this.symbol = details.symbol;
    this.retryAt = details.retryAt;
    this.detail = details.detail;
    this.issue = details.issue;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Turns anything thrown into an ApiError, so the screen never has to show an unknown value. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new ApiError('timeout', { detail: error.message });
  }
  if (error instanceof TypeError) return new ApiError('unreachable', { detail: error.message });
  return new ApiError('bad-response', {
    detail: error instanceof Error ? error.message : String(error),
  });
}
