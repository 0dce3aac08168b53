import * as z from 'zod/mini';

/**
 * The exchange's ADL risk rating of a symbol (`GET /fapi/v1/symbolAdlRisk`, weight 1): how likely
 * auto-deleveraging is on liquidation, judged by the exchange from the insurance fund balance,
 * position concentration, order book depth, volatility, average leverage, unrealised PnL and
 * margin use, rated `low`, `medium` or `high` and updated every 30 minutes
 * (https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/ADL-Risk).
 * A word the exchange may add later is `unknown` here: shown as such, never guessed.
 */
export const ADL_LEVELS = ['low', 'medium', 'high'] as const;
export type AdlLevel = (typeof ADL_LEVELS)[number] | 'unknown';

/** A symbol's rating as recorded: `updateTime` is the exchange's own time of it. */
export interface AdlRating {
  symbol: string;
  level: AdlLevel;
  updateTime: number;
}

/** How the exchange updates its ratings: every 30 minutes. */
export const ADL_UPDATE_MS = 1_800_000;

const ms = z.int().check(z.nonnegative());

/** The rating word as the exchange sends it; any other word is `unknown`. */
export function adlLevelOf(word: string): AdlLevel {
  const lower = word.trim().toLowerCase();
  return (ADL_LEVELS as readonly string[]).includes(lower) ? (lower as AdlLevel) : 'unknown';
}

/** One entry of the answer: `{"symbol":"BTCUSDT","adlRisk":"low","updateTime":1597370495002}`. */
export const adlEntrySchema = z.object({
  symbol: z.string().check(z.minLength(1)),
  adlRisk: z.string(),
  updateTime: ms,
});
export type AdlEntry = z.infer<typeof adlEntrySchema>;

/** Without `symbol` the exchange answers an array; with it, the one object. */
export const adlAnswerSchema = z.union([z.array(adlEntrySchema), adlEntrySchema]);

export const toRating = (e: AdlEntry): AdlRating => ({
  symbol: e.symbol,
  level: adlLevelOf(e.adlRisk),
  updateTime: e.updateTime,
});

/** The entry a history line or the exchange writes for a rating. */
export const toEntry = (r: AdlRating): AdlEntry => ({
  symbol: r.symbol,
  adlRisk: r.level,
  updateTime: r.updateTime,
});

/** The ratings of an answer of the exchange, or `null` when it does not fit the documented shape. */
export function parseAdlAnswer(value: unknown): AdlRating[] | null {
  const parsed = z.safeParse(adlAnswerSchema, value);
  if (!parsed.success) return null;
  return (Array.isArray(parsed.data) ? parsed.data : [parsed.data]).map(toRating);
}

const RANK: Record<AdlLevel, number> = { unknown: -1, low: 0, medium: 1, high: 2 };

/** Whether `level` is `at` or higher (`unknown` is never at or above a level). */
export function adlAtLeast(level: AdlLevel, at: AdlLevel): boolean {
  return level !== 'unknown' && RANK[level] >= RANK[at];
}

/** The counts of a pool's members by rating, and its members rated high (sorted). */
export interface AdlSummary {
  high: number;
  medium: number;
  low: number;
  /** Members without a rating, or with a word the exchange did not document. */
  unrated: number;
  highSymbols: string[];
}

export function summarizeAdl(
  symbols: readonly string[],
  ratings: ReadonlyMap<string, AdlLevel>,
): AdlSummary {
  const out: AdlSummary = { high: 0, medium: 0, low: 0, unrated: 0, highSymbols: [] };
  for (const s of symbols) {
    const level = ratings.get(s);
    if (level === undefined || level === 'unknown') out.unrated += 1;
    else out[level] += 1;
    if (level === 'high') out.highSymbols.push(s);
  }
  out.highSymbols.sort();
  return out;
}

/** Sort key: most members rated high first, then most medium. */
export function compareAdlSummaries(a: AdlSummary, b: AdlSummary): number {
  return b.high - a.high || b.medium - a.medium;
}

/**
 * `GET /api/adl[?symbol=&from=&to=]`: the latest recorded rating of every symbol, whether the
 * exchange is answering (`unavailableSince`: the first failed reading of the run of failures now
 * going on, `null` when the last one succeeded), and with `symbol` its changes over `[from, to]`,
 * ascending, the first of them the rating it entered the range with.
 */
export const adlApiSchema = z.object({
  recording: z.boolean(),
  checkedAt: z.nullable(ms),
  unavailableSince: z.nullable(ms),
  reason: z.nullable(z.string()),
  ratings: z.array(adlEntrySchema),
  symbol: z.optional(z.string()),
  changes: z.optional(z.array(adlEntrySchema)),
});
export type AdlApiAnswer = z.infer<typeof adlApiSchema>;
