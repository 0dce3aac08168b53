import { parseMoment } from '../../src/core/moment.ts';
import { BadParameter } from './params.ts';
import type { HistoryAnswer, RouteContext } from './routes.ts';
import { answerSnapshot, answerSnapshotRange } from './snapshot-query.ts';

const NOTHING = { code: 404, msg: 'nothing has been recorded yet' };

/** The one `at` of `/api/snapshot`, in ms or ISO 8601; anything else is refused in words. */
function atParam(params: URLSearchParams): number {
  for (const key of params.keys())
    if (key !== 'at')
      throw new BadParameter(`unknown parameter ${key.slice(0, 40)}; this endpoint takes at`);
  const all = params.getAll('at');
  if (all.length === 0)
    throw new BadParameter(
      'at is required: a moment in ms or ISO 8601, e.g. ?at=2026-12-01T12:00Z',
    );
  if (all.length > 1) throw new BadParameter('at is given more than once');
  const r = parseMoment(all[0]!);
  if (!r.ok)
    throw new BadParameter(
      r.reason === 'range'
        ? 'at is outside the range of dates'
        : 'at must be a moment in ms or ISO 8601 with a zone, e.g. 2026-12-01T12:00Z',
    );
  return r.at;
}

/**
 * `GET /api/snapshot/range`: the first and last recording and the coverage between, for choosing
 * a moment; an empty history is 404. An entry of `HISTORY_ROUTES` (routes.ts).
 */
export async function snapshotRange(ctx: RouteContext): Promise<HistoryAnswer> {
  if ([...ctx.params.keys()].length > 0) throw new BadParameter('this endpoint takes no parameter');
  const body = await answerSnapshotRange(ctx.store);
  return body ? { status: 200, body } : { status: 404, body: NOTHING };
}

/**
 * `GET /api/snapshot?at=`: the pool list at a past moment. Throws `BadParameter` for a bad `at`
 * (a 400); a moment before the first recording, or an empty history, is 404. An entry of
 * `HISTORY_ROUTES` (routes.ts): it stops at its next read once `ctx.signal` is aborted.
 */
export async function snapshot(ctx: RouteContext): Promise<HistoryAnswer> {
  const { store } = ctx;
  const at = atParam(ctx.params);
  const body = await answerSnapshot(store, at, ctx.signal);
  if (body) return { status: 200, body };
  const first = (await store.observationBounds())?.first;
  return {
    status: 404,
    body:
      first === undefined
        ? NOTHING
        : {
            code: 404,
            msg: `nothing was recorded at or before ${new Date(at).toISOString()}; the first recording is ${new Date(first).toISOString()}`,
          },
  };
}
