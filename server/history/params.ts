import * as z from 'zod/mini';
import { MAX_POINTS } from '../../src/core/history.ts';
import { normalizeSymbol } from '../../src/core/symbol.ts';
import { EXPORT_FORMATS } from './export-formats.ts';

/** The query parameters of the history API, checked with zod; each refusal has words. */

export class BadParameter extends Error {}

const whole = (name: string, min: number, max: number) =>
  z.pipe(
    z.string().check(z.regex(/^\d{1,16}$/, { error: `${name} must be a whole number` })),
    z.pipe(
      z.transform((s: string) => Number(s)),
      z
        .number()
        .check(
          z.minimum(min, { error: `${name} must be at least ${min}` }),
          z.maximum(max, { error: `${name} must be at most ${max}` }),
        ),
    ),
  );
const ms = (name: string) => whole(name, 0, Number.MAX_SAFE_INTEGER);

/** The single value of each known parameter; a repeated or unknown one is refused. */
function single(params: URLSearchParams, known: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) {
    if (!known.includes(key))
      throw new BadParameter(
        `unknown parameter ${key.slice(0, 40)}; this endpoint takes ${known.join(', ')}`,
      );
    if (key in out) throw new BadParameter(`${key} is given more than once`);
    out[key] = value;
  }
  return out;
}

function check<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const r = z.safeParse(schema, value);
  if (!r.success) throw new BadParameter(r.error.issues[0]?.message ?? 'bad parameter');
  return r.data;
}

function range(from: number | undefined, to: number | undefined) {
  if (from !== undefined && to !== undefined && from > to)
    throw new BadParameter('from must not be after to');
}

export function historyParams(params: URLSearchParams) {
  const raw = single(params, ['symbol', 'from', 'to', 'points']);
  if (raw.symbol === undefined) throw new BadParameter('symbol is required, e.g. ?symbol=BTCUSDT');
  const symbol = normalizeSymbol(raw.symbol);
  if (!symbol.ok) throw new BadParameter(`symbol is not a futures symbol (${symbol.reason})`);
  const from = raw.from === undefined ? undefined : check(ms('from'), raw.from);
  const to = raw.to === undefined ? undefined : check(ms('to'), raw.to);
  range(from, to);
  const points =
    raw.points === undefined ? undefined : check(whole('points', 1, MAX_POINTS), raw.points);
  return { symbol: symbol.symbol, from, to, points };
}

/** `GET /api/adl[?symbol=&from=&to=]`: every rating, and with `symbol` its changes over the range. */
export function adlParams(params: URLSearchParams, now: number) {
  const raw = single(params, ['symbol', 'from', 'to']);
  if (raw.symbol === undefined) {
    if (raw.from !== undefined || raw.to !== undefined)
      throw new BadParameter('from and to are taken with a symbol, e.g. ?symbol=BTCUSDT');
    return {};
  }
  const symbol = normalizeSymbol(raw.symbol);
  if (!symbol.ok) throw new BadParameter(`symbol is not a futures symbol (${symbol.reason})`);
  const to = raw.to === undefined ? now : check(ms('to'), raw.to);
  const from =
    raw.from === undefined ? Math.max(0, to - 30 * 86_400_000) : check(ms('from'), raw.from);
  range(from, to);
  return { symbol: symbol.symbol, from, to };
}

export const MAX_SPARK = 500;
export function overviewParams(params: URLSearchParams) {
  const raw = single(params, ['spark']);
  return { spark: raw.spark === undefined ? 48 : check(whole('spark', 1, MAX_SPARK), raw.spark) };
}

export const MAX_EVENTS = 1_000;
const WEEK = 604_800_000;
export function eventsParams(params: URLSearchParams, latest: number) {
  const raw = single(params, ['from', 'to', 'limit']);
  const to = raw.to === undefined ? latest : check(ms('to'), raw.to);
  const from = raw.from === undefined ? Math.max(0, to - WEEK) : check(ms('from'), raw.from);
  range(from, to);
  const limit = raw.limit === undefined ? 200 : check(whole('limit', 1, MAX_EVENTS), raw.limit);
  return { from, to, limit };
}

const exportFormat = z.enum(EXPORT_FORMATS, {
  error: `format must be one of ${EXPORT_FORMATS.join(', ')}`,
});

/**
 * `GET /api/history/export?from=&to=&format=`: the whole history unless narrowed, in ms like the
 * others, as JSON lines unless another format is asked for.
 */
export function exportParams(params: URLSearchParams) {
  const raw = single(params, ['from', 'to', 'format']);
  const from = raw.from === undefined ? 0 : check(ms('from'), raw.from);
  const to = raw.to === undefined ? Number.MAX_SAFE_INTEGER : check(ms('to'), raw.to);
  range(from, to);
  const format = raw.format === undefined ? 'jsonl' : check(exportFormat, raw.format);
  return { from, to, format };
}
