import { parseMoment } from '../../src/core/moment.ts';
import type { HistoryReader } from './adapter.ts';
import { BadParameter } from './params.ts';
import type { HistoryAnswer } from './routes.ts';
import { answerSnapshot, answerSnapshotRange } from './snapshot-query.ts';

/** The paths of a past moment: the pool list then, and the range a moment may be chosen in. */
export const SNAPSHOT_PATHS = ['/api/snapshot', '/api/snapshot/range'];

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
 * `GET /api/snapshot?at=` and `GET /api/snapshot/range`. Rejects with `BadParameter` for a bad
 * `at` (the caller answers 400); a moment before the first recording, or an empty history, is 404.
 */
export async function answerSnapshotPath(
  store: HistoryReader,
  path: string,
  params: URLSearchParams,
): Promise<HistoryAnswer> {
  if (path === '/api/snapshot/range') {
    if ([...params.keys()].length > 0) throw new BadParameter('this endpoint takes no parameter');
    const body = await answerSnapshotRange(store);
    return body ? { status: 200, body } : { status: 404, body: NOTHING };
  }
  const at = atParam(params);
  const body = await answerSnapshot(store, at);
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
