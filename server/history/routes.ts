import type { IncomingMessage, ServerResponse } from 'node:http';
import { ALERTS_PATH, type AlertsAnswer } from '../../src/core/alerts.ts';
import { jobRunner } from '../history-thread/jobs.ts';
import {
  forwardRoutes,
  localTarget,
  type ForwardLimits,
} from '../history-thread/forward-routes.ts';
import type { HistoryReader } from './adapter.ts';
import { ADL_PATH, adlRoute, NOT_RECORDING } from './adl-query.ts';
import type { AdlStatus } from './adl-recorder.ts';
import { answerEvents } from './events-query.ts';
import { EXPORT_PATH, MAX_EXPORTS, streamExport, type AnswerSink } from './export-route.ts';
import { answerHistory } from './history-query.ts';
import { answerOverview, SPARK_COMPUTED, thinSpark } from './overview-query.ts';
import { BadParameter, eventsParams, historyParams, overviewParams } from './params.ts';
import { snapshot, snapshotRange } from './snapshot-route.ts';

type Next = (error?: unknown) => void;

/** What the history answers a request: a status and a JSON body. */
export interface HistoryAnswer {
  status: number;
  body: unknown;
}

/** What a route of the history is given, in the thread that holds the store. */
export interface RouteContext {
  store: HistoryReader;
  params: URLSearchParams;
  /** Aborted when the caller left or waited too long: the route stops at its next step. */
  signal: AbortSignal;
  now: () => number;
  method: string;
  /** Kept from one request to the next for this store (the overview, computed once per recording). */
  memo: Map<string, unknown>;
  /** What the recorder of the ADL risk ratings says of their source, for `/api/adl`. */
  adl: AdlStatus;
  /**
   * `/api/alerts` as the thread's alerts have it (server/alerts/watch.ts): the rules are the
   * thread's own (loaded from `ALERTS_FILE` at its start), the episodes in the store.
   */
  alerts: () => Promise<AlertsAnswer>;
}

/** Where no alerts are judged (the command line, the tests): no rules, nothing active. */
export const NO_ALERTS = (): Promise<AlertsAnswer> =>
  Promise.resolve({ rules: [], active: [], recent: [], problem: null });

export type HistoryRoute =
  | { kind: 'json'; answer: (ctx: RouteContext) => Promise<HistoryAnswer> }
  | {
      kind: 'stream';
      /** Streams of this route at once; one more is told to come back later. */
      limit: number;
      stream: (ctx: RouteContext, sink: AnswerSink) => Promise<void>;
    };

async function history(ctx: RouteContext): Promise<HistoryAnswer> {
  const q = historyParams(ctx.params);
  const body = await answerHistory(ctx.store, q, ctx.signal);
  if (!body)
    return {
      status: 404,
      body: { code: 404, msg: `${q.symbol} was never seen in the recorded history` },
    };
  return { status: 200, body };
}

/**
 * The overview changes only when a recording arrives: one computation (at the finest sparkline)
 * serves every viewer and every `spark`, each thinned from it.
 */
async function overview(ctx: RouteContext): Promise<HistoryAnswer> {
  const { spark } = overviewParams(ctx.params);
  const key = `${(await ctx.store.observationBounds())?.last ?? 'none'}`;
  let held = ctx.memo.get('overview') as
    { key: string; body: ReturnType<typeof answerOverview> } | undefined;
  if (held?.key !== key) {
    // Not stopped with one caller: the others who share it still want it.
    const body = answerOverview(ctx.store, SPARK_COMPUTED);
    held = { key, body };
    ctx.memo.set('overview', held);
    const mine = held;
    body.catch(() => {
      if (ctx.memo.get('overview') === mine) ctx.memo.delete('overview');
    });
  }
  return { status: 200, body: thinSpark(await held.body, spark) };
}

async function events(ctx: RouteContext): Promise<HistoryAnswer> {
  const latest = (await ctx.store.observationBounds())?.last ?? ctx.now();
  const body = await answerEvents(ctx.store, eventsParams(ctx.params, latest), ctx.signal);
  return { status: 200, body };
}

async function alerts(ctx: RouteContext): Promise<HistoryAnswer> {
  try {
    return { status: 200, body: await ctx.alerts() };
  } catch (error) {
    return {
      status: 503,
      body: { code: 503, msg: `the alerts cannot be read right now: ${(error as Error).message}` },
    };
  }
}

/**
 * The history's API: every path it answers and how, the one table the history's thread, the
 * main thread's hand-over (server/history-thread/forward-routes.ts) and the tests all use. A new
 * route is one line here (a `json` answer, or a `stream` with its own limit of concurrent ones).
 */
export const HISTORY_ROUTES: Record<string, HistoryRoute> = {
  '/api/history': { kind: 'json', answer: history },
  '/api/overview': { kind: 'json', answer: overview },
  '/api/events': { kind: 'json', answer: events },
  [ADL_PATH]: { kind: 'json', answer: adlRoute },
  // A past moment's pool list, and the range a moment may be chosen in (snapshot-route.ts).
  '/api/snapshot': { kind: 'json', answer: snapshot },
  '/api/snapshot/range': { kind: 'json', answer: snapshotRange },
  [ALERTS_PATH]: { kind: 'json', answer: alerts },
  [EXPORT_PATH]: {
    kind: 'stream',
    limit: MAX_EXPORTS,
    stream: (ctx, sink) =>
      streamExport(ctx.store, ctx.params, sink, ctx.signal, {
        now: ctx.now,
        head: ctx.method === 'HEAD',
      }),
  },
};

/** A failure said in words: a bad parameter is `400`, anything else `503`. */
export function failureAnswer(error: unknown): HistoryAnswer {
  if (error instanceof BadParameter)
    return { status: 400, body: { code: 400, msg: error.message } };
  return {
    status: 503,
    body: { code: 503, msg: `the history cannot be read right now: ${(error as Error).message}` },
  };
}

/**
 * The JSON answers as a function of the path and its query (the routes of the table that are
 * not streamed). Never rejects; `null` for a path that is not one of them.
 */
export function historyAnswers(
  store: HistoryReader,
  now: () => number = Date.now,
  adlStatus: () => AdlStatus = () => NOT_RECORDING,
  alertsAnswer: () => Promise<AlertsAnswer> = NO_ALERTS,
) {
  const memo = new Map<string, unknown>();
  return async (path: string, params: URLSearchParams): Promise<HistoryAnswer | null> => {
    const route = HISTORY_ROUTES[path];
    if (route?.kind !== 'json') return null;
    const signal = new AbortController().signal;
    return route
      .answer({
        store,
        params,
        signal,
        now,
        memo,
        method: 'GET',
        adl: adlStatus(),
        alerts: alertsAnswer,
      })
      .catch(failureAnswer);
  };
}

/**
 * The history's routes as connect-style middleware on this thread, for a store held here (the
 * command line's, the tests'): the same table and the same hand-over as the history's thread,
 * without the thread. Every other path goes to `next()`.
 */
export function historyRoutes(
  store: HistoryReader,
  now: () => number = Date.now,
  limits: Partial<ForwardLimits> = {},
): ((req: IncomingMessage, res: ServerResponse, next: Next) => void) & {
  stats: ReturnType<typeof forwardRoutes>['stats'];
} {
  return forwardRoutes(localTarget(jobRunner(store, now)), limits);
}
