/**
 * `npm run history -- export [--from ISO] [--to ISO] [--format jsonl|csv|json]`: the recorded
 * history on standard output, as JSON lines unless another format is asked for (the files of
 * `GET /api/history/export`). `npm run history -- import FILE`: adds a JSON-lines file to the history,
 * all or nothing. Both use the store of HISTORY_DB (or DATABASE_URL).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportWriter, isExportFormat } from './export-formats.ts';
import { exportLines } from './export-lines.ts';
import { BadHistoryFile, importLines, parseHistoryFile } from './import-lines.ts';
import { storeSettings } from '../config.ts';
import { openStore } from './open-store.ts';

const USAGE =
  'usage: npm run history -- export [--from ISO] [--to ISO] [--format jsonl|csv|json]\n       npm run history -- import FILE';

function isoTime(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(t))
    throw new BadHistoryFile(
      `--${name} takes a date such as 2026-01-31 or 2026-01-31T12:00:00Z, not ${value}`,
    );
  return t;
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' } },
  });
  const [command, ...rest] = positionals;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (command === 'export') {
    const from = isoTime('from', values.from) ?? 0;
    const to = isoTime('to', values.to) ?? Number.MAX_SAFE_INTEGER;
    const format = values.format ?? 'jsonl';
    if (!isExportFormat(format))
      throw new BadHistoryFile(
        `--format takes ${EXPORT_FORMATS.join(', ')}, not ${format.slice(0, 40)}`,
      );
    const writer = exportWriter(format, { from, to });
    const write = async (text: string) => {
      if (text !== '' && !process.stdout.write(text))
        await new Promise((r) => process.stdout.once('drain', r));
    };
    // Read-only: an export runs beside a recording server and never writes.
    const store = await openStore(storeSettings(), log, { readOnly: true });
    try {
      let n = 0;
      await write(writer.head());
      for await (const line of exportLines(store, from, to)) {
        await write(writer.snapshot(line));
        n += 1;
      }
      await write(writer.tail());
      // Every byte handed to the pipe before the command says it is done and exits: a write
      // that fit the stream's buffer may still be on its way to a slow reader, and the exit
      // would drop it (the last snapshot of the file).
      await new Promise<void>((resolve, reject) =>
        process.stdout.write('', (error) => (error ? reject(error) : resolve())),
      );
      log(`exported ${n} snapshots`);
    } finally {
      await store.close();
    }
    return 0;
  }
  if (command === 'import') {
    const file = rest[0];
    if (!file) throw new BadHistoryFile(`import needs a file\n${USAGE}`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new BadHistoryFile(
        `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      );
    }
    let lines;
    try {
      lines = parseHistoryFile(text);
    } catch (error) {
      throw new BadHistoryFile(`${file}: ${(error as Error).message}; nothing imported`);
    }
    const store = await openStore(storeSettings(), log);
    try {
      if (store.info().role !== 'writer')
        throw new BadHistoryFile(
          `${store.info().location} cannot be written by this command${store.info().reason ? ` (${store.info().reason})` : ': another process records into it; stop that server first'}; nothing imported`,
        );
      const started = performance.now();
      const n = await importLines(store, lines);
      const s = (performance.now() - started) / 1000;
      log(
        `imported ${n} snapshots from ${file} in ${s.toFixed(1)} s (${Math.round(n / s)} lines/s)`,
      );
    } finally {
      await store.close();
    }
    return 0;
  }
  throw new BadHistoryFile(command ? `unknown command ${command}\n${USAGE}` : USAGE);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof BadHistoryFile ? error.message : `history: ${(error as Error).message}`}\n`,
    );
    process.exit(error instanceof BadHistoryFile ? 2 : 1);
  },
);
