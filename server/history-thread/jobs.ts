import type { HistoryReader } from '../history/adapter.ts';
import { NOT_RECORDING } from '../history/adl-query.ts';
import type { AdlStatus } from '../history/adl-recorder.ts';
import type { AnswerSink } from '../history/export-route.ts';
import type { AlertsAnswer } from '../../src/core/alerts.ts';
import { failureAnswer, HISTORY_ROUTES, NO_ALERTS, type RouteContext } from '../history/routes.ts';
import type { Job, JobOut } from './protocol.ts';
import { encodeAnswer } from './respond.ts';

/** A stream's text goes in chunks of about this many characters. */
const CHUNK_CHARS = 64 * 1024;
/** Chunks sent on before the main thread says it passed them to the client. */
const WINDOW = 2;
/**
 * A stream goes no faster than this (a year of history, about 100 MB, in some 6 s): what the
 * main thread passes on per second stays small beside its other work, whatever the client reads.
 */
export const STREAM_BYTES_PER_S = 16_000_000;

const text = new TextEncoder();

/**
 * Runs the history's requests where the store is: each job a route of HISTORY_ROUTES, told
 * through `emit` (ending with `done`), stopped at its next step when `cancel`led. A stream goes in
 * chunks, at most WINDOW ahead of what the main thread has passed on (`more`): a client that stops
 * reading stops the reading of the store.
 */
export function jobRunner(
  store: HistoryReader,
  now: () => number = Date.now,
  adlStatus: () => AdlStatus = () => NOT_RECORDING,
  alertsAnswer: () => Promise<AlertsAnswer> = NO_ALERTS,
) {
  const memo = new Map<string, unknown>();
  const jobs = new Map<number, { stop: AbortController; owed: number; credit?: () => void }>();
  const stats = { done: 0, aborted: 0 };

  async function run(job: Job, emit: (out: JobOut) => void) {
    const route = HISTORY_ROUTES[job.path];
    const state = { stop: new AbortController(), owed: 0 } as {
      stop: AbortController;
      owed: number;
      credit?: () => void;
    };
    jobs.set(job.id, state);
    const { signal } = state.stop;
    signal.addEventListener('abort', () => state.credit?.(), { once: true });
    const ctx: RouteContext = {
      store,
      params: new URLSearchParams(job.query),
      signal,
      now,
      memo,
      method: job.method,
      adl: adlStatus(),
      alerts: alertsAnswer,
    };
    const id = job.id;
    let headSent = false;
    try {
      if (!route) throw new Error(`${job.path} is not a path of the history`);
      if (route.kind === 'json') {
        const answer = await route.answer(ctx);
        signal.throwIfAborted();
        emit({ kind: 'response', id, ...encodeAnswer(answer, job.encodings) });
      } else {
        let buffered = '';
        let sent = 0;
        const since = performance.now();
        const send = async () => {
          if (buffered === '') return;
          const data = text.encode(buffered);
          // Counted before it is sent: sending may move its bytes to the main thread.
          sent += data.byteLength;
          emit({ kind: 'chunk', id, data });
          buffered = '';
          const ahead = (sent / STREAM_BYTES_PER_S) * 1000 - (performance.now() - since);
          if (ahead > 0) await new Promise((resolve) => setTimeout(resolve, ahead));
          state.owed += 1;
          while (state.owed >= WINDOW) {
            signal.throwIfAborted();
            await new Promise<void>((resolve) => (state.credit = resolve));
          }
        };
        const sink: AnswerSink = {
          head(status, headers) {
            headSent = true;
            emit({ kind: 'head', id, status, headers });
          },
          async write(piece) {
            buffered += piece;
            if (buffered.length >= CHUNK_CHARS) await send();
          },
          end(piece) {
            emit({ kind: 'end', id, data: text.encode(buffered + piece) });
            buffered = '';
          },
        };
        await route.stream(ctx, sink);
      }
    } catch (error) {
      if (!signal.aborted) {
        if (headSent) emit({ kind: 'cut', id, why: (error as Error).message });
        else emit({ kind: 'response', id, ...encodeAnswer(failureAnswer(error), job.encodings) });
      }
    } finally {
      jobs.delete(id);
      if (signal.aborted) stats.aborted += 1;
      else stats.done += 1;
      emit({ kind: 'done', id, aborted: signal.aborted });
    }
  }

  return {
    start(job: Job, emit: (out: JobOut) => void) {
      void run(job, emit);
    },
    cancel(id: number) {
      jobs.get(id)?.stop.abort(new Error('the request was cancelled'));
    },
    more(id: number) {
      const job = jobs.get(id);
      if (!job) return;
      job.owed = Math.max(0, job.owed - 1);
      job.credit?.();
      job.credit = undefined;
    },
    /** Jobs running now, and those that ended whole or stopped. */
    stats: () => ({ running: jobs.size, ...stats }),
  };
}
export type JobRunner = ReturnType<typeof jobRunner>;
