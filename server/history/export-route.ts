import type { IncomingMessage, ServerResponse } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { HistoryReader } from './adapter.ts';
import { exportWriter } from './export-formats.ts';
import { exportLines } from './export-lines.ts';
import { refuseMethod, sendJson } from './json-reply.ts';
import { BadParameter, exportParams } from './params.ts';

export const EXPORT_PATH = '/api/history/export';

/** Exports running at once; a further one is asked to come back shortly (each reads the store end to end). */
export const MAX_EXPORTS = 2;
/** Snapshots written between two turns of the event loop, so the server answers others meanwhile. */
const LINES_PER_TURN = 500;
const RETRY_AFTER_S = 10;

/** `insurance-fund-history-2026-12-02T06-30-00Z.jsonl`: when the export was made, safe on every file system. */
export function exportFileName(now: number, extension = 'jsonl'): string {
  const stamp = new Date(now)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  return `insurance-fund-history-${stamp}.${extension}`;
}

/** Resolves when the response can take more (or is gone: the caller then sees `closed`). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * `GET /api/history/export?from=MS&to=MS&format=jsonl|csv|json`: the recorded history as a
 * download, oldest first: JSON lines by default (the format of `npm run history -- export`), or a
 * CSV or one JSON document (export-formats.ts), streamed as the store is read: memory stays that
 * of one chunk whatever the range and format. Bounded: at most MAX_EXPORTS at once, the event
 * loop turned every few hundred snapshots, the read stopped when the client goes. A store failure
 * before the first snapshot is `503 {code,msg}`; after it, the connection is cut, so a half file
 * is never taken for a whole one, whatever the format.
 */
export function historyExportRoute(store: HistoryReader, now: () => number = Date.now) {
  let running = 0;

  async function stream(req: IncomingMessage, res: ServerResponse, params: URLSearchParams) {
    const { from, to, format } = exportParams(params);
    const writer = exportWriter(format, { from, to });
    const lines = exportLines(store, from, to);
    let closed = false;
    res.on('close', () => (closed = true));
    const write = async (text: string) => {
      if (text !== '' && !res.write(text)) await drained(res);
    };
    try {
      const first = await lines.next();
      res.writeHead(200, {
        'content-type': writer.contentType,
        'content-disposition': `attachment; filename="${exportFileName(now(), writer.extension)}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      if (req.method === 'HEAD') return void res.end();
      await write(writer.head());
      let n = 0;
      for (let r = first; !r.done && !closed; r = await lines.next()) {
        await write(writer.snapshot(r.value));
        n += 1;
        if (n % LINES_PER_TURN === 0) await nextTurn();
      }
      if (!closed) res.end(writer.tail());
    } finally {
      await lines.return(undefined);
    }
  }

  return function historyExport(
    req: IncomingMessage,
    res: ServerResponse,
    params: URLSearchParams,
  ) {
    if (refuseMethod(req, res)) return;
    if (running >= MAX_EXPORTS)
      return sendJson(
        res,
        503,
        { code: 503, msg: `${MAX_EXPORTS} exports are running; try again in ${RETRY_AFTER_S} s` },
        { 'retry-after': String(RETRY_AFTER_S) },
      );
    running += 1;
    stream(req, res, params)
      .catch((error: unknown) => {
        if (res.headersSent) return void res.destroy();
        if (error instanceof BadParameter)
          return sendJson(res, 400, { code: 400, msg: error.message });
        sendJson(res, 503, {
          code: 503,
          msg: `the history cannot be read right now: ${(error as Error).message}`,
        });
      })
      .finally(() => (running -= 1));
  };
}
