/**
 * The server's settings from its environment, read once at start. A value that cannot be read is
 * named in a warning and replaced by its default: a typo must not stop a wall's server.
 */

export const DEFAULT_UPSTREAM = 'https://fapi.binance.com';
const DEFAULT_TTL_S = 5;
const DEFAULT_RECORD_EVERY_S = 60;
export const DEFAULT_HISTORY_DB = 'data/history.sqlite';

export interface ServerConfig {
  upstream: string;
  cacheTtlMs: number;
  recordEveryMs: number;
  historyDb: string;
  databaseUrl: string | undefined;
  /** `ALERTS_FILE` as set; unset: `alerts.json` where it exists (server/alerts/rules.ts). */
  alertsFile?: string | undefined;
}

type Env = Record<string, string | undefined>;

/** A number of seconds ≥ 0 from `name`, or the default with a warning. */
export function secondsFrom(
  env: Env,
  name: string,
  fallback: number,
  warn: (line: string) => void = console.warn,
): number {
  const value = env[name];
  if (value === undefined || value.trim() === '') return fallback * 1000;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) {
    warn(`${name}=${JSON.stringify(value)} is not a number of seconds; using ${fallback}.`);
    return fallback * 1000;
  }
  return seconds * 1000;
}

/** `FAPI_CACHE_TTL` in ms; a missing or unreadable value falls back to 5 s. */
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

/** Where the history is kept: `HISTORY_DB` (SQLite), or PostgreSQL when `DATABASE_URL` is set. */
export function storeSettings(
  env: Env = process.env,
): Pick<ServerConfig, 'historyDb' | 'databaseUrl'> {
  return {
    historyDb: env.HISTORY_DB?.trim() || DEFAULT_HISTORY_DB,
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
  };
}

export function readConfig(env: Env = process.env, warn = console.warn): ServerConfig {
  return {
    upstream: upstreamFrom(env, warn),
    cacheTtlMs: secondsFrom(env, 'FAPI_CACHE_TTL', DEFAULT_TTL_S, warn),
    recordEveryMs: secondsFrom(env, 'FAPI_RECORD_EVERY', DEFAULT_RECORD_EVERY_S, warn),
    ...storeSettings(env),
    alertsFile: env.ALERTS_FILE?.trim() || undefined,
  };
}
