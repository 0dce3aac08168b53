import * as z from 'zod/mini';
import { poolListSchema } from './pool-schema.ts';
import { historyLineSchema } from './history.ts';

/**
 * A past moment, as a link or a query names it, and the pool list the history holds for it.
 * The history answers with the recording made at or just before the moment: between two
 * recordings the earlier one is what anyone could have seen then.
 */

const ms = z.int().check(z.nonnegative());

/** ISO 8601 with a date, a time to the minute at least, and a zone (`Z` or `±hh:mm`); or a date alone (UTC midnight). */
const ISO_MOMENT =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i;
const MS_MOMENT = /^\d{1,15}$/;

export type MomentParse = { ok: true; at: number } | { ok: false; reason: 'format' | 'range' };

/**
 * A moment written as ms since the epoch (`1764633600000`) or as ISO 8601 (`2026-12-01T12:00Z`,
 * `2026-12-01T20:00+08:00`, `2026-12-01`). A time without a zone is refused: the same link must
 * mean the same moment wherever it is opened.
 */
export function parseMoment(text: string): MomentParse {
  const s = text.trim();
  if (MS_MOMENT.test(s)) {
    const at = Number(s);
    return Number.isSafeInteger(at) ? { ok: true, at } : { ok: false, reason: 'range' };
  }
  if (!ISO_MOMENT.test(s)) return { ok: false, reason: 'format' };
  const at = Date.parse(s.length === 10 ? `${s}T00:00Z` : s.toUpperCase());
  if (!Number.isFinite(at)) return { ok: false, reason: 'format' };
  return at < 0 ? { ok: false, reason: 'range' } : { ok: true, at };
}

/** A moment as a link writes it: ISO 8601 in UTC, to the minute when that is exact, else to the ms. */
export function formatMoment(at: number): string {
  const iso = new Date(at).toISOString();
  return at % 60_000 === 0 ? `${iso.slice(0, 16)}Z` : iso;
}

/** `GET /api/snapshot?at=`: the pool list as recorded at `observedAt`, the recording used for `at`. */
export const momentAnswerSchema = z.object({
  at: ms,
  observedAt: ms,
  answer: poolListSchema,
  /** The asset index recorded with it (`<ASSET>USD`), where the history has one. */
  index: z.optional(historyLineSchema.shape.index.def.innerType),
  /** The first and last recording the history holds. */
  range: z.optional(z.object({ first: ms, last: ms })),
  /** `at` lies outside every interval of coverage: the recording used is the nearest before it. */
  gap: z.optional(z.boolean()),
});
export type MomentAnswer = z.infer<typeof momentAnswerSchema>;

/** `GET /api/snapshot/range`: the recorded range and its coverage, for choosing a moment. */
export const momentRangeSchema = z.object({
  first: ms,
  last: ms,
  coverage: z.array(z.tuple([ms, ms])),
});
export type MomentRange = z.infer<typeof momentRangeSchema>;
