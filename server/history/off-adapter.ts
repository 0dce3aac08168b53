import type { HistoryAdapter, StoreInfo } from './adapter.ts';

/**
 * The store when history is off (its file is not a database, or cannot be made): every read
 * answers "nothing recorded", every write is refused, and the dashboard's live data is unaffected.
 */
export function offAdapter(info: StoreInfo): HistoryAdapter {
  const refuse = () => Promise.reject(new Error(info.reason ?? 'history is off'));
  const none = async () => null;
  const empty = async () => [];
  return {
    info: () => ({ ...info, role: 'off' }),
    write: refuse,
    claimWriter: async () => 'off',
    close: async () => undefined,
    symbolId: async () => undefined,
    poolsOfSymbol: empty,
    pools: empty,
    seriesOfPools: empty,
    seriesByIds: empty,
    seriesBehind: empty,
    observationBounds: none,
    observationNeighbours: async () => ({ prev: null, next: null, has: false }),
    observations: empty,
    membershipsAt: empty,
    membershipsOverlapping: empty,
    coverage: empty,
    points: empty,
    pointsOfMany: empty,
    pointAtOrBefore: none,
    lastPointIn: none,
    lastPoints: empty,
    levels: empty,
    levelRows: empty,
    latestIndex: empty,
    indexPoints: empty,
    indexAtOrBefore: none,
    drops: empty,
    latestAdl: empty,
    adlChanges: empty,
  };
}
