/**
 * The messages between the server's main thread and the history's worker thread. Everything in
 * them is cloned (the demo's market with its bigint balances too), nothing shared.
 */
import type { DemoPool } from '../demo/market.ts';
import type { StoreSettings } from '../history/open-store.ts';
import type { Answer, RecorderStatus } from '../history/recorder.ts';

/** What a worker is started with (its `workerData`). */
export interface WorkerSettings extends StoreSettings {
  /** Milliseconds between recordings; 0 records nothing. */
  everyMs: number;
  /** The demo: fill the store with 30 days of generated history first, and say where it ends. */
  seedDemo?: boolean;
  /** The alert rules file (server/alerts), if any. */
  alertsFile?: string | undefined;
}

/** What the worker asks the main thread for, answered by its proxy. */
export type Asked = 'poolList' | 'assetIndex';

export type ToWorker =
  /** A history request: its path, its query (without `?`) and the client's `Accept-Encoding`. */
  | { kind: 'request'; id: number; path: string; query: string; encodings: string }
  | { kind: 'answer'; id: number; answer?: Answer; error?: string }
  | { kind: 'record'; id: number }
  | { kind: 'close' };

export type FromWorker =
  | { kind: 'ready'; status: RecorderStatus }
  | { kind: 'status'; status: RecorderStatus }
  | { kind: 'market'; market: DemoPool[]; snapshots: number }
  | { kind: 'filled'; ms: number; error: string | null }
  | { kind: 'ask'; id: number; what: Asked }
  /** `body: null`: not a path of the history's (the request goes on to the next handler). */
  | {
      kind: 'response';
      id: number;
      status: number;
      headers: Record<string, string>;
      body: Uint8Array | null;
    }
  | { kind: 'recorded'; id: number }
  | { kind: 'log'; line: string };
