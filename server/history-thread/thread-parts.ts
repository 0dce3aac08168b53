import type { PartStatus } from '../health.ts';
import type { HistoryParts } from '../parts.ts';
import { forwardRoutes } from './forward-routes.ts';
import type { HistoryThread } from './history-thread.ts';

/**
 * The history as `/api/health` shows it, from the worker's last status: `degraded` when the
 * store cannot be written or read as it should, when snapshots wait to be stored, and while the
 * worker is down.
 */
export function threadHealth(thread: HistoryThread): PartStatus {
  const { status, down } = thread.status();
  if (down !== null) return { ...(status ?? {}), state: 'degraded', worker: 'down', reason: down };
  if (!status) return { state: 'degraded', worker: 'starting' };
  const state =
    status.store.role === 'off' || status.store.state === 'degraded' || status.pending > 0
      ? 'degraded'
      : 'ok';
  return { ...status, state, worker: 'running' };
}

/** The parts the servers mount for a history thread. */
export function threadParts(thread: HistoryThread): HistoryParts & { thread: HistoryThread } {
  return {
    routes: forwardRoutes(thread),
    status: () => threadHealth(thread),
    close: () => thread.close(),
    thread,
  };
}
