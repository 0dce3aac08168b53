import { toEntry, type AdlApiAnswer } from '../../src/core/adl.ts';
import type { AdlStatus } from './adl-recorder.ts';
import type { HistoryReader } from './adapter.ts';
import { adlParams } from './params.ts';
import type { HistoryAnswer, RouteContext } from './routes.ts';

/** The path of the ratings' answer, beside the history's. */
export const ADL_PATH = '/api/adl';

/** What the source said when no recorder runs in this process (`FAPI_ADL_EVERY=0`, or history off). */
export const NOT_RECORDING: AdlStatus = {
  recording: false,
  checkedAt: null,
  unavailableSince: null,
  reason: null,
  lastCostMs: null,
};

/**
 * `GET /api/adl[?symbol=&from=&to=]`: the latest stored rating of every symbol and the state of
 * their source; with `symbol`, its changes over `[from, to]`, the first of them the rating it
 * entered the range with. Throws `BadParameter` for a bad parameter (answered 400 by the caller).
 */
export async function answerAdl(
  store: HistoryReader,
  params: URLSearchParams,
  status: AdlStatus,
  now: number,
): Promise<AdlApiAnswer> {
  const q = adlParams(params, now);
  const ratings = (await store.latestAdl()).map(toEntry);
  const head = {
    recording: status.recording,
    checkedAt: status.checkedAt,
    unavailableSince: status.unavailableSince,
    reason: status.reason,
    ratings,
  };
  if (q.symbol === undefined) return head;
  const before =
    q.from > 0 ? await store.adlChanges(0, q.from - 1, { symbol: q.symbol, limit: 1 }) : [];
  const within = await store.adlChanges(q.from, q.to, { symbol: q.symbol });
  return { ...head, symbol: q.symbol, changes: [...before, ...within].map(toEntry) };
}

/** `/api/adl` as a route of the history's table (routes.ts). */
export async function adlRoute(ctx: RouteContext): Promise<HistoryAnswer> {
  return { status: 200, body: await answerAdl(ctx.store, ctx.params, ctx.adl, ctx.now()) };
}
