import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  adlAnswerSchema,
  adlApiSchema,
  toRating,
  type AdlApiAnswer,
  type AdlRating,
} from '../core/adl';
import { ADL_RISK_PATH } from '../core/upstream';
import {
  createPause,
  poolListPause,
  requestUpstream,
  type UpstreamRoute,
} from './insurance-balance';
import { requestServer } from './server-request';
import type { RefreshPolicy } from './use-pools';

/**
 * The exchange's ADL risk ratings (core/adl): from the dashboard's own server (`/api/adl`, the
 * ratings it records), else, where it has none (no recorder, nothing recorded yet, an older
 * server), from the exchange's path through the proxy. Either way a failure costs the ratings
 * only, and says since when they are missing.
 */
export interface AdlData {
  /** Each symbol's latest rating; `undefined` while the ratings are unavailable. */
  ratings: ReadonlyMap<string, AdlRating> | undefined;
  /** Since when the ratings could not be had (ms); `undefined` while they can. */
  unavailableSince: number | undefined;
}

const ROUTE: UpstreamRoute = {
  path: ADL_RISK_PATH,
  pause: createPause(),
  waitsFor: [poolListPause],
};

/** The first failure of the run going on in this page, when the server does not say. */
let failingSince: number | undefined;

const byName = (ratings: readonly AdlRating[]) => new Map(ratings.map((r) => [r.symbol, r]));

async function fromServer(
  params: { symbol?: string; from?: number; to?: number },
  signal?: AbortSignal,
): Promise<AdlApiAnswer | undefined> {
  try {
    return (await requestServer('/api/adl', params, adlApiSchema, signal)).data;
  } catch (error) {
    if (signal?.aborted) throw error;
    return undefined;
  }
}

export async function fetchAdl(signal?: AbortSignal): Promise<AdlData> {
  const api = await fromServer({}, signal);
  if (api && api.unavailableSince !== null)
    return { ratings: undefined, unavailableSince: api.unavailableSince };
  if (api && api.ratings.length > 0) {
    failingSince = undefined;
    return { ratings: byName(api.ratings.map(toRating)), unavailableSince: undefined };
  }
  try {
    const answer = await requestUpstream(ROUTE, adlAnswerSchema, undefined, signal);
    const list = Array.isArray(answer.data) ? answer.data : [answer.data];
    failingSince = undefined;
    return { ratings: byName(list.map(toRating)), unavailableSince: undefined };
  } catch (error) {
    if (signal?.aborted) throw error;
    failingSince ??= Date.now();
    return { ratings: undefined, unavailableSince: failingSince };
  }
}

/** A symbol's rating changes over `[from, to]` as the server recorded them; `[]` where it has none. */
export async function fetchAdlChanges(
  symbol: string,
  from: number | undefined,
  to: number | undefined,
  signal?: AbortSignal,
): Promise<AdlRating[]> {
  const api = await fromServer({ symbol, from, to }, signal);
  return (api?.changes ?? []).map(toRating);
}

export const adlKeys = {
  all: ['adl'] as const,
  latest: () => [...adlKeys.all, 'latest'] as const,
  changes: (symbol: string, from?: number, to?: number) =>
    [...adlKeys.all, 'changes', { symbol, from, to }] as const,
};

/** The exchange rates every 30 minutes: asking more than once a minute shows nothing new. */
const atLeastAMinute = (ms: number) => Math.max(ms, 60_000);

export function adlQueryOptions({ refreshMs, inBackground }: RefreshPolicy) {
  return queryOptions({
    queryKey: adlKeys.latest(),
    queryFn: ({ signal }) => fetchAdl(signal),
    refetchInterval: atLeastAMinute(refreshMs),
    refetchIntervalInBackground: inBackground,
    staleTime: 30_000,
    retry: false,
  });
}

export function useAdl(policy: RefreshPolicy): AdlData | undefined {
  return useQuery(adlQueryOptions(policy)).data;
}

export function useAdlChanges(
  symbol: string,
  from: number | undefined,
  to: number | undefined,
  refreshMs: number,
): AdlRating[] | undefined {
  return useQuery({
    queryKey: adlKeys.changes(symbol, from, to),
    queryFn: ({ signal }) => fetchAdlChanges(symbol, from, to, signal),
    refetchInterval: atLeastAMinute(refreshMs),
    placeholderData: keepPreviousData,
    retry: false,
  }).data;
}
