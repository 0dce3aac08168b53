/**
 * The messages between the server's main thread and the history's thread. Data goes one way: the
 * main thread hands over each snapshot it took through its proxy and each request it was asked,
 * the history's thread answers; it never asks the main thread for anything. Everything in them
 * is cloned (the demo's market with its bigint balances too), nothing shared.
 */
import type { DemoPool } from '../demo/market.ts';
import type { StoreSettings } from '../history/open-store.ts';
import type { Answer, RecorderStatus } from '../history/recorder.ts';

/** What a worker is started with (its `workerData`). */
export interface WorkerSettings extends StoreSettings {
  /** Milliseconds between recordings (for the coverage's gaps); 0 records nothing. */
  everyMs: number;
  /** Milliseconds between two recordings of the ADL risk ratings; 0 (or none) records none. */
  adlEveryMs?: number;
  /** The demo: fill the store with 30 days of generated history first, and say where it ends. */
  seedDemo?: boolean;
  /** The alert rules file (server/alerts), if any. */
  alertsFile?: string | undefined;
}

/** What a recording takes through the main thread's proxy (its cache, in-flight sharing, pause and budget). */
export type Asked = 'poolList' | 'assetIndex';

/** One taken answer, or why it could not be taken. */
export type Taken = { answer: Answer } | { error: string };

/** A request of the history's API, as the main thread hands it over. */
export interface Job {
  id: number;
  path: string;
  /** The query without its `?`. */
  query: string;
  /** The client's `Accept-Encoding`. */
  encodings: string;
  method: string;
}

/**
 * What a job sends back, in order, always ending with `done`: a whole `response`, or a streamed
 * one (`head`, `chunk`s each waiting for the main thread's `more` past a small window, `end`), or
 * `cut` when a stream fails after its head (the connection is then closed, never ended).
 */
export type JobOut =
  | {
      kind: 'response';
      id: number;
      status: number;
      headers: Record<string, string>;
      body: Uint8Array;
    }
  | { kind: 'head'; id: number; status: number; headers: Record<string, string> }
  | { kind: 'chunk'; id: number; data: Uint8Array }
  | { kind: 'end'; id: number; data: Uint8Array }
  | { kind: 'cut'; id: number; why: string }
  | { kind: 'done'; id: number; aborted: boolean };

export type ToWorker =
  | { kind: 'job'; job: Job }
  /** The caller left or waited too long: the job stops at its next step. */
  | { kind: 'cancel'; id: number }
  /** The main thread has sent one more chunk of a stream on. */
  | { kind: 'more'; id: number }
  | { kind: 'record'; id: number; taken: Partial<Record<Asked, Taken>> }
  /** The ADL risk ratings, taken through the proxy at `at` on their own timer (`adlEveryMs`). */
  | { kind: 'recordAdl'; id: number; taken: Taken; at: number }
  | { kind: 'close' };

export type FromWorker =
  | { kind: 'ready'; status: RecorderStatus }
  /** The thread cannot work with these settings; starting it again would not help. */
  | { kind: 'fatal'; message: string }
  | { kind: 'status'; status: RecorderStatus }
  | { kind: 'market'; market: DemoPool[]; snapshots: number }
  | { kind: 'filled'; ms: number; error: string | null }
  | { kind: 'job'; out: JobOut }
  | { kind: 'recorded'; id: number }
  | { kind: 'log'; line: string };
