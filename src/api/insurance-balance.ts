import { poolListSchema, poolSchema, type Pool } from '../core/pool-schema';
import { INSURANCE_BALANCE_PATH } from '../core/upstream';
import { request, snapshotOf, type Snapshot } from './api-client';

/** The pool list from an answer obtained some other way (the server's, inside the page), checked as any other. */
export function poolListSnapshot(
  body: unknown,
  meta: { demo: boolean; fetchedAt: number },
): Snapshot<Pool[]> {
  return snapshotOf(poolListSchema, body, { status: 200, ...meta });
}

/**
 * The one call to the endpoint: without a symbol, every pool; with one (already normalised, see
 * lib/symbol), the pool that covers it. Errors are always ApiError.
 */
export function fetchInsuranceBalance(
  symbol?: undefined,
  signal?: AbortSignal,
): Promise<Snapshot<Pool[]>>;
export function fetchInsuranceBalance(
  symbol: string,
  signal?: AbortSignal,
): Promise<Snapshot<Pool>>;
export function fetchInsuranceBalance(
  symbol?: string,
  signal?: AbortSignal,
): Promise<Snapshot<Pool | Pool[]>> {
  return symbol === undefined
    ? request(INSURANCE_BALANCE_PATH, {}, poolListSchema, signal)
    : request(INSURANCE_BALANCE_PATH, { symbol }, poolSchema, signal);
}
