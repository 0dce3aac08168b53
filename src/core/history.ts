import * as z from 'zod/mini';
import { adlEntrySchema } from './adl.ts';
import { decimalString, poolListSchema } from './pool-schema.ts';

/**
 * The recorded history, as the server serves it and the browser reads it. The exchange keeps no
 * history: the server records the pool list every `FAPI_RECORD_EVERY` seconds, keeping one point
 * per asset whose balance or `updateTime` changed, the pools' memberships over time and the
 * intervals in which it was receiving snapshots (coverage). Outside coverage the history has a gap.
 */

/** The windows over which a change is given, in ms. */
export const CHANGE_WINDOWS = { '1h': 3_600_000, '24h': 86_400_000, '7d': 604_800_000 } as const;
export type ChangeWindow = keyof typeof CHANGE_WINDOWS;
export const CHANGE_WINDOW_NAMES = Object.keys(CHANGE_WINDOWS) as ChangeWindow[];

/** The most points one series of an answer carries; a longer range is thinned to it. */
export const MAX_POINTS = 5_000;

const ms = z.int().check(z.nonnegative());

/** One recorded balance: `t` is the snapshot's `updateTime`, `balance` the upstream's exact string. */
export const historyPointSchema = z.object({ t: ms, balance: decimalString });
export type HistoryPoint = z.infer<typeof historyPointSchema>;

/** A pool's membership over time: the member set from `from` until `to` (`null`: still so). */
export const membershipSchema = z.object({
  from: ms,
  to: z.nullable(ms),
  symbols: z.array(z.string()),
});
export type Membership = z.infer<typeof membershipSchema>;

/** Intervals `[from, to]` in which the server was receiving snapshots, ascending, disjoint. */
export const coverageSchema = z.array(z.tuple([ms, ms]));
export type Coverage = z.infer<typeof coverageSchema>;

/** An asset's USD index (`<ASSET>USD` of `/fapi/v1/assetIndex`) as recorded beside the balances. */
export const indexPointSchema = z.object({ t: ms, index: decimalString });
export type IndexPoint = z.infer<typeof indexPointSchema>;

/** `GET /api/history?symbol=&from=&to=&points=`: the balance over time of the pool covering a symbol. */
export const historyAnswerSchema = z.object({
  symbol: z.string(),
  from: ms,
  to: ms,
  /** Per asset, the points of whichever pool covered the symbol at each moment, ascending by `t`. */
  series: z.array(z.object({ asset: z.string(), points: z.array(historyPointSchema) })),
  /** The symbol's pools over the range: a jump where the pool changed is a regrouping, not a loss. */
  pools: z.array(membershipSchema),
  coverage: coverageSchema,
  /** Per asset of the series, the USD index recorded over the range, where one was had. */
  index: z.optional(z.array(z.object({ asset: z.string(), points: z.array(indexPointSchema) }))),
  /** The range held more points than the answer may carry, so each series was thinned. */
  thinned: z.optional(z.boolean()),
});
export type HistoryAnswer = z.infer<typeof historyAnswerSchema>;

const refSchema = z.nullable(historyPointSchema);

/**
 * `GET /api/overview?spark=N`: what the history says of every pool of the latest recording, for
 * the overview and the wall. Each pool's figures follow the path of one of its members (`follows`,
 * the symbol it is named after), so a pool that was regrouped still has a past.
 */
export const overviewAnswerSchema = z.object({
  /** When the latest recording was made (`observedAt`); `null` when nothing is recorded yet. */
  at: z.nullable(ms),
  coverage: coverageSchema,
  pools: z.array(
    z.object({
      /** The sorted member list joined by `,`: the pool's identity (core/pools `poolKey`). */
      key: z.string(),
      symbols: z.array(z.string()),
      follows: z.string(),
      /** The usual time between two of this pool's snapshots (median), `null` until it is known. */
      interval: z.nullable(ms),
      /** Whether the members of `follows`'s pool changed within each window. */
      regrouped: z.record(z.enum(CHANGE_WINDOW_NAMES), z.boolean()),
      assets: z.array(
        z.object({
          asset: z.string(),
          latest: historyPointSchema,
          /** The last point at or before `latest.t` − window; `null` where history does not reach back. */
          ref: z.record(z.enum(CHANGE_WINDOW_NAMES), refSchema),
          /** The highest balance within 7 days before `latest.t`. */
          peak7d: refSchema,
          /** The last 24 h, thinned to at most `spark` points. */
          spark: z.array(historyPointSchema),
        }),
      ),
    }),
  ),
});
export type OverviewAnswer = z.infer<typeof overviewAnswerSchema>;
export type OverviewPool = OverviewAnswer['pools'][number];

export const EVENT_KINDS = [
  'moved',
  'appeared',
  'gone',
  'drop',
  'listed',
  'delisted',
  'adl',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

const ADL_EVENT_LEVELS = ['low', 'medium', 'high', 'unknown'] as const;

/** A fall of more than this share of the balance within an hour is a `drop` event. */
export const DROP_EVENT_SHARE = '0.05';
export const DROP_EVENT_WINDOW_MS = 3_600_000;

/**
 * `GET /api/events?from=&to=&limit=`: what happened, newest first.
 * - `moved`: `symbols` left `fromPool` for `pool`;
 * - `appeared` / `gone`: the pool with members `pool` began or ended (not a mere change of members);
 * - `listed` / `delisted`: `symbols` entered or left the pool list;
 * - `drop`: `asset` of `pool` fell from `before` (the hour's high) to `after`.
 * - `adl`: the exchange rated `symbols` (one) `level` instead of `fromLevel` (core/adl); `pool`
 *   is the pool covering it at the latest recording, empty where none is known.
 */
export const historyEventSchema = z.object({
  kind: z.enum(EVENT_KINDS),
  at: ms,
  symbols: z.array(z.string()),
  pool: z.array(z.string()),
  fromPool: z.optional(z.array(z.string())),
  asset: z.optional(z.string()),
  before: z.optional(decimalString),
  after: z.optional(decimalString),
  level: z.optional(z.enum(ADL_EVENT_LEVELS)),
  fromLevel: z.optional(z.enum(ADL_EVENT_LEVELS)),
});
export type HistoryEvent = z.infer<typeof historyEventSchema>;

export const eventsAnswerSchema = z.object({
  from: ms,
  to: ms,
  events: z.array(historyEventSchema),
});
export type EventsAnswer = z.infer<typeof eventsAnswerSchema>;

/**
 * One line of `npm run history -- export`, read back by `import`: a recorded snapshot. `answer`
 * is the pool list as the upstream sent it; `observedAt` when the server received it. Optional:
 * `coveredSince`, the start of the unbroken coverage this snapshot belongs to (so a round trip
 * keeps the gaps where they were), and `index`, the asset index used to value it.
 */
export const historyLineSchema = z.object({
  observedAt: ms,
  answer: poolListSchema,
  coveredSince: z.optional(ms),
  index: z.optional(z.array(z.object({ symbol: z.string(), index: decimalString, time: ms }))),
  /** The ADL risk ratings that changed up to this snapshot (core/adl), in the exchange's shape. */
  adl: z.optional(z.array(adlEntrySchema)),
});
export type HistoryLine = z.infer<typeof historyLineSchema>;
