/**
 * The exchange's side of the data path: the paths this project reads, the answer headers it
 * honours, and the limits it keeps to. Both the browser (which asks its own origin) and the
 * server (which forwards to the exchange) name them from here.
 */

/** `GET /fapi/v1/insuranceBalance`: "Query Insurance Fund Balance Snapshot", weight 1. */
export const INSURANCE_BALANCE_PATH = '/fapi/v1/insuranceBalance';

/**
 * `GET /fapi/v1/assetIndex`: "Multi-Assets Mode Asset Index", weight 1 with `symbol`, 10
 * without (https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Multi-Assets-Mode-Asset-Index).
 */
export const ASSET_INDEX_PATH = '/fapi/v1/assetIndex';

/**
 * `GET /fapi/v1/symbolAdlRisk`: "ADL Risk", the exchange's ADL risk rating of each symbol, weight 1
 * (https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/ADL-Risk).
 */
export const ADL_RISK_PATH = '/fapi/v1/symbolAdlRisk';

/** Every upstream path the proxy forwards; nothing else reaches the exchange. */
export const FORWARDED_PATHS = [INSURANCE_BALANCE_PATH, ASSET_INDEX_PATH, ADL_RISK_PATH] as const;
export type ForwardedPath = (typeof FORWARDED_PATHS)[number];

/** The request weight each call costs at the exchange. */
export function requestWeight(path: ForwardedPath, withSymbol: boolean): number {
  if (path === ASSET_INDEX_PATH && !withSymbol) return 10;
  return 1;
}

/** The exchange's answer header with the request weight this IP has used in the current minute. */
export const USED_WEIGHT_HEADER = 'x-mbx-used-weight-1m';

/**
 * The exchange's per-IP request weight limit a minute for USD-M futures (REQUEST_WEIGHT
 * 2400 in `GET /fapi/v1/exchangeInfo`'s `rateLimits`).
 */
export const EXCHANGE_WEIGHT_LIMIT_1M = 2400;

/** Answers that ask the caller to wait: 429 (too many requests) and 418 (IP banned). */
export function isPauseStatus(status: number): boolean {
  return status === 429 || status === 418;
}
