import { setImmediate as nextTurn } from 'node:timers/promises';
import type { HistoryReader } from './adapter.ts';
import { exportWriter } from './export-formats.ts';
import { exportLines } from './export-lines.ts';
import { exportParams } from './params.ts';

export const EXPORT_PATH = '/api/history/export';

/** Exports running at once; a further one is asked to come back shortly (each reads the store end to end). */
export const MAX_EXPORTS = 2;
/** Snapshots written between two turns of the event loop, so the thread answers others meanwhile. */
const LINES_PER_TURN = 500;
export const EXPORT_RETRY_AFTER_S = 10;

/** `insurance-fund-history-2026-12-02T06-30-00Z.jsonl`: when the export was made, safe on every file system. */
export function exportFileName(now: number, extension = 'jsonl'): string {
  const stamp = new Date(now)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  return `insurance-fund-history-${stamp}.${extension}`;
}

/**
 * Where a streamed answer goes: its status and headers once, then its text in pieces. `write`
 * resolves when more may be written (the reader keeps up), so memory stays that of a few chunks.
 */
export interface AnswerSink {
  head(status: number, headers: Record<string, string>): void;
  write(text: string): Promise<void>;
  end(text: string): void;
}

/**
 * `GET /api/history/export?from=MS&to=MS&format=jsonl|csv|json`: the recorded history as a
 * download, oldest first: JSON lines by default (the format of `npm run history -- export`), or a
 * CSV or one JSON document (export-formats.ts), streamed as the store is read. Stops between two
 * snapshots once `signal` is aborted (the client left, or stopped reading). A bad parameter or a
 * store failure before the first snapshot rejects before `head` (the caller answers it in
 * words); after it, the rejection means the download must be cut, so a half file is never taken
 * for a whole one.
 */
export async function streamExport(
  store: HistoryReader,
  params: URLSearchParams,
  sink: AnswerSink,
  signal: AbortSignal,
  options: { now: () => number; head: boolean },
) {
  const { from, to, format } = exportParams(params);
  const writer = exportWriter(format, { from, to });
  const lines = exportLines(store, from, to);
  try {
    const first = await lines.next();
    sink.head(200, {
      'content-type': writer.contentType,
      'content-disposition': `attachment; filename="${exportFileName(options.now(), writer.extension)}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (options.head) return sink.end('');
    await sink.write(writer.head());
    let n = 0;
    for (let r = first; !r.done; r = await lines.next()) {
      signal.throwIfAborted();
      await sink.write(writer.snapshot(r.value));
      n += 1;
      if (n % LINES_PER_TURN === 0) await nextTurn();
    }
    signal.throwIfAborted();
    sink.end(writer.tail());
  } finally {
    await lines.return(undefined);
  }
}
