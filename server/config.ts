/**
 * The server's settings from its environment, read once at start. A value out of range is refused
 * by name: where its default is safe (a number of seconds, the upstream) the refusal is logged and
 * the default used, so a typo does not stop a wall's server; where no default is safe (a
 * `DATABASE_URL` that is not PostgreSQL: the history would silently go elsewhere) the server does
 * not start, and says why in one line.
 */
import { parseDatabaseUrl } from './history/postgres/database-url.ts';

export const DEFAULT_UPSTREAM = 'https://fapi.binance.com';
const DEFAULT_TTL_S = 5;
const DEFAULT_RECORD_EVERY_S = 60;
const DEFAULT_ADL_EVERY_S = 300;
export const DEFAULT_HISTORY_DB = 'data/history.sqlite';

/** The longest delay a Node timer keeps (a signed 32-bit count of ms); longer ones fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export interface ServerConfig {
  upstream: string;
  cacheTtlMs: number;
  recordEveryMs: number;
  /** `FAPI_ADL_EVERY` × 1000: between two recordings of the ADL risk ratings; 0 records none. */
  adlEveryMs: number;
  historyDb: string;
  databaseUrl: string | undefined;
  /** `ALERTS_FILE` as set; unset: `alerts.json` where it exists (server/alerts/rules.ts). */
  alertsFile?: string | undefined;
}

type Env = Record<string, string | undefined>;

/** A setting that has no safe default: the server cannot start with it. */
export class ConfigError extends Error {}

/** What a setting of seconds takes besides 0 (off): its smallest value, in seconds. */
const SMALLEST_S: Record<string, number> = {
  // Node runs any timer under 1 ms after 1 ms, and the history's coverage counts in seconds.
  FAPI_RECORD_EVERY: 1,
  // The exchange updates the ratings every 30 minutes; each reading costs request weight.
  FAPI_ADL_EVERY: 1,
  FAPI_CACHE_TTL: 0.001,
};

/**
 * A number of seconds from `name`: 0, or from the setting's smallest value up to what a timer
 * can hold (about 24.8 days). Anything else is refused by name, and the default used.
 */
export function secondsFrom(
  env: Env,
  name: string,
  fallback: number,
  warn: (line: string) => void = console.warn,
): number {
  const value = env[name];
  if (value === undefined || value.trim() === '') return fallback * 1000;
  const seconds = /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  const smallest = SMALLEST_S[name] ?? 0.001;
  const refuse = (why: string) => {
    warn(`${name}=${JSON.stringify(value)} is refused: ${why}; using ${fallback}.`);
    return fallback * 1000;
  };
  if (!Number.isFinite(seconds)) return refuse('it is not a number of seconds');
  if (seconds !== 0 && seconds < smallest)
    return refuse(`it is neither 0 nor at least ${smallest} s`);
  if (seconds * 1000 > MAX_TIMER_MS)
    return refuse(`it is longer than ${Math.floor(MAX_TIMER_MS / 1000)} s, the longest timer`);
  return Math.round(seconds * 1000);
}

/** `FAPI_CACHE_TTL` in ms; a missing or refused value falls back to 5 s. */
export function cacheTtlMs(value: string | undefined, warn?: (line: string) => void): number {
  return secondsFrom({ FAPI_CACHE_TTL: value }, 'FAPI_CACHE_TTL', DEFAULT_TTL_S, warn);
}

function upstreamFrom(env: Env, warn: (line: string) => void): string {
  const value = env.FAPI_UPSTREAM?.trim();
  if (!value) return DEFAULT_UPSTREAM;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value.replace(/\/+$/, '');
  } catch {
    // named below
  }
  warn(`FAPI_UPSTREAM=${JSON.stringify(value)} is not an http(s) URL; using ${DEFAULT_UPSTREAM}.`);
  return DEFAULT_UPSTREAM;
}

/**
 * Where the history is kept: `HISTORY_DB` (SQLite), or PostgreSQL when `DATABASE_URL` is set.
 * A `DATABASE_URL` that is not a PostgreSQL URL is a `ConfigError` (never repeating the URL,
 * which may hold a password).
 */
export function storeSettings(
  env: Env = process.env,
): Pick<ServerConfig, 'historyDb' | 'databaseUrl'> {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined) {
    const target = parseDatabaseUrl(databaseUrl);
    if ('error' in target) throw new ConfigError(target.error);
  }
  return { historyDb: env.HISTORY_DB?.trim() || DEFAULT_HISTORY_DB, databaseUrl };
}

export function readConfig(env: Env = process.env, warn = console.warn): ServerConfig {
  return {
    upstream: upstreamFrom(env, warn),
    cacheTtlMs: secondsFrom(env, 'FAPI_CACHE_TTL', DEFAULT_TTL_S, warn),
    recordEveryMs: secondsFrom(env, 'FAPI_RECORD_EVERY', DEFAULT_RECORD_EVERY_S, warn),
    adlEveryMs: secondsFrom(env, 'FAPI_ADL_EVERY', DEFAULT_ADL_EVERY_S, warn),
    ...storeSettings(env),
    alertsFile: env.ALERTS_FILE?.trim() || undefined,
  };
}
