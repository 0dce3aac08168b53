import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_ADL_COLUMNS, EXPORT_COLUMNS } from '../../src/core/export-row.ts';
import type { HistoryLine } from '../../src/core/history.ts';
import { readCsv } from '../../src/test/read-csv.ts';
import type { HistoryAdapter } from './adapter.ts';
import { exportWriter } from './export-formats.ts';
import { importLines } from './import-lines.ts';
import { historyRoutes } from './routes.ts';
import { openSqliteAdapter } from './sqlite/sqlite-adapter.ts';

const T0 = Date.UTC(2026, 11, 1, 0, 0, 0);
const NOW = Date.UTC(2026, 11, 2, 6, 30, 5);
const MINUTE = 60_000;
/** More digits than a float keeps, and trailing zeros a number would drop. */
const HUGE = '123456789012345678.000000000000000001';

/**
 * Three snapshots a minute apart, as the store keeps them (members sorted): a pool with a Chinese
 * member, a hostile one, exact decimals, an index.
 */
const lines: HistoryLine[] = [0, 1, 2].map((i) => ({
  observedAt: T0 + i * MINUTE,
  coveredSince: T0,
  answer: [
    {
      symbols: ['BTCUSDT', '币安人生USDT'],
      assets: [
        {
          asset: 'USDT',
          marginBalance: i === 2 ? HUGE : `1000.${i}0`,
          updateTime: T0 + i * MINUTE,
        },
        { asset: 'BNFCR', marginBalance: '-0.10', updateTime: T0 },
      ],
    },
    {
      symbols: ['=HYPER,"X"USDT'],
      assets: [{ asset: 'USDT', marginBalance: '7', updateTime: T0 }],
    },
  ],
  index: [{ symbol: 'USDTUSD', index: '0.99980000', time: T0 }],
}));

const dir = mkdtempSync(join(tmpdir(), 'history-formats-'));
let store: HistoryAdapter;
let server: Server;
let base: string;
beforeAll(async () => {
  store = openSqliteAdapter({ path: join(dir, 'h.sqlite') });
  await importLines(store, lines);
  const routes = historyRoutes(store, () => NOW);
  server = createServer((req, res) => routes(req, res, () => res.writeHead(418).end()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/history/export`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const stamp = '2026-12-02T06-30-05Z';
/** The ADL cells of a pool of two members no rating was recorded for. */
const UNRATED_TWO = ['0', '0', '0', '2', ''];

/** The CSV's text after its byte order mark, which the file must start with (`text()` drops it). */
async function csvOf(res: Response): Promise<string> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3));
}

describe('the history export formats', () => {
  it('writes JSON lines unless asked otherwise, the same with format=jsonl', async () => {
    const plain = await fetch(base);
    const asked = await fetch(`${base}?format=jsonl`);
    expect(asked.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(asked.headers.get('content-disposition')).toBe(
      `attachment; filename="insurance-fund-history-${stamp}.jsonl"`,
    );
    const text = await asked.text();
    expect(await plain.text()).toBe(text);
    expect(
      text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual(lines);
  });

  it('writes a CSV with a row per snapshot, pool and asset, every balance exact', async () => {
    const res = await fetch(`${base}?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="insurance-fund-history-${stamp}.csv"`,
    );
    const text = await csvOf(res);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = readCsv(text);
    expect(header).toEqual([
      'observed_at',
      'observed_at_ms',
      'pool_key',
      'pool',
      'symbol_count',
      'symbols',
      'asset',
      'balance',
      'update_time',
      'update_time_ms',
      'usd_index',
      'usd_value',
      ...EXPORT_ADL_COLUMNS,
    ]);
    expect(rows).toHaveLength(9);
    const last = T0 + 2 * MINUTE;
    expect(rows.slice(6)).toEqual([
      [
        '2026-12-01T00:02:00.000Z',
        String(last),
        'BTCUSDT,币安人生USDT',
        'BTC · 币安人生',
        '2',
        'BTCUSDT 币安人生USDT',
        'USDT',
        HUGE,
        '2026-12-01T00:02:00.000Z',
        String(last),
        '0.99980000',
        '123432097654543208.86',
        ...UNRATED_TWO,
      ],
      [
        ...['2026-12-01T00:02:00.000Z', String(last), 'BTCUSDT,币安人生USDT'],
        'BTC · 币安人生',
        ...[
          '2',
          'BTCUSDT 币安人生USDT',
          'BNFCR',
          '-0.10',
          '2026-12-01T00:00:00.000Z',
          String(T0),
          '',
          '',
          ...UNRATED_TWO,
        ],
      ],
      [
        ...['2026-12-01T00:02:00.000Z', String(last), `'=HYPER,"X"USDT`],
        `'=HYPER,"X"`,
        ...['1', `'=HYPER,"X"USDT`, 'USDT', '7', '2026-12-01T00:00:00.000Z', String(T0)],
        ...['0.99980000', '7.00'],
        ...['0', '0', '0', '1', ''],
      ],
    ]);
    expect(rows.map((r) => r[7])).toEqual([
      '1000.00',
      '-0.10',
      '7',
      '1000.10',
      '-0.10',
      '7',
      HUGE,
      '-0.10',
      '7',
    ]);
  });

  it('quotes what a spreadsheet would split, and leaves plain fields bare', async () => {
    const text = await csvOf(await fetch(`${base}?format=csv&from=${T0}&to=${T0}`));
    const [, first, , hostile] = text.split('\r\n');
    expect(first).toBe(
      `2026-12-01T00:00:00.000Z,${T0},"BTCUSDT,币安人生USDT",BTC · 币安人生,2,"BTCUSDT 币安人生USDT",USDT,1000.00,2026-12-01T00:00:00.000Z,${T0},0.99980000,999.80,0,0,0,2,""`,
    );
    expect(hostile).toBe(
      `2026-12-01T00:00:00.000Z,${T0},"'=HYPER,""X""USDT","'=HYPER,""X""",1,"'=HYPER,""X""USDT",USDT,7,2026-12-01T00:00:00.000Z,${T0},0.99980000,7.00,0,0,0,1,""`,
    );
  });

  it('writes one JSON document of the range and its snapshots', async () => {
    const res = await fetch(`${base}?format=json&from=${T0 + MINUTE}`);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="insurance-fund-history-${stamp}.json"`,
    );
    const text = await res.text();
    expect(text).toContain(`"marginBalance":"${HUGE}"`);
    expect(JSON.parse(text)).toEqual({ from: T0 + MINUTE, to: null, snapshots: lines.slice(1) });
  });

  it('answers an empty range with a file that is still whole in its format', async () => {
    const csv = await csvOf(await fetch(`${base}?format=csv&from=1&to=2`));
    expect(readCsv(csv).map((row) => row[0])).toEqual(['observed_at']);
    const json = await (await fetch(`${base}?format=json&from=1&to=2`)).text();
    expect(JSON.parse(json)).toEqual({ from: 1, to: 2, snapshots: [] });
  });

  it('refuses a format it does not write, in words', async () => {
    for (const query of ['format=xlsx', 'format=CSV', 'format=', 'format=csv&format=json']) {
      const res = await fetch(`${base}?${query}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { code: number; msg: string };
      expect(body.code).toBe(400);
      expect(body.msg, query).toMatch(
        query.includes('&')
          ? /format is given more than once/
          : /format must be one of jsonl, csv, json/,
      );
    }
  });
});

describe('the history CSV with ADL ratings', () => {
  // BTCUSDT low from the first recording, high from a change the second line carries; 币安人生USDT
  // rated medium by a change after the last recording, which no row may show early.
  const rated: HistoryLine[] = lines.map((l, i) => ({
    ...l,
    ...(i === 0
      ? { adl: [{ symbol: 'BTCUSDT', adlRisk: 'low', updateTime: T0 - MINUTE }] }
      : i === 1
        ? { adl: [{ symbol: 'BTCUSDT', adlRisk: 'high', updateTime: T0 + 30_000 }] }
        : { adl: [{ symbol: '币安人生USDT', adlRisk: 'medium', updateTime: NOW }] }),
  }));

  it('counts each pool as rated at each recording, before and after a change', () => {
    const writer = exportWriter('csv', { from: 0, to: Number.MAX_SAFE_INTEGER });
    const text = writer.head() + rated.map((l) => writer.snapshot(l)).join('') + writer.tail();
    const [header, ...rows] = readCsv(text.slice(1));
    expect(header).toEqual([...EXPORT_COLUMNS, ...EXPORT_ADL_COLUMNS]);
    const col = (name: string) => header!.indexOf(name);
    const adl = (r: string[]) => [
      r[col('observed_at_ms')],
      r[col('pool_key')],
      r[col('asset')],
      ...EXPORT_ADL_COLUMNS.map((c) => r[col(c)]),
    ];
    const btc = 'BTCUSDT,币安人生USDT';
    const hyper = `'=HYPER,"X"USDT`;
    expect(rows.map(adl)).toEqual(
      [0, 1, 2].flatMap((i) => {
        const t = String(T0 + i * MINUTE);
        const cells = i === 0 ? ['0', '0', '1', '1', ''] : ['1', '0', '0', '1', 'BTCUSDT'];
        return [
          [t, btc, 'USDT', ...cells],
          [t, btc, 'BNFCR', ...cells],
          [t, hyper, 'USDT', '0', '0', '0', '1', ''],
        ];
      }),
    );
  });

  it('is what the route writes from a store that recorded the ratings', async () => {
    const local = mkdtempSync(join(tmpdir(), 'history-formats-adl-'));
    const db = openSqliteAdapter({ path: join(local, 'h.sqlite') });
    try {
      await importLines(db, rated);
      const routes = historyRoutes(db, () => NOW);
      const srv = createServer((req, res) => routes(req, res, () => res.writeHead(418).end()));
      await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
      try {
        const port = (srv.address() as AddressInfo).port;
        const res = await fetch(`http://127.0.0.1:${port}/api/history/export?format=csv`);
        const [header, ...rows] = readCsv(await csvOf(res));
        const high = header!.indexOf('adl_high');
        const low = header!.indexOf('adl_low');
        // the first recording: BTCUSDT low; the later ones: high, on both of the pool's assets
        expect(
          rows
            .map((r) => [r[1], r[6], r[high], r[low]])
            .filter((r) => r[2] !== '0' || r[3] !== '0'),
        ).toEqual([
          [String(T0), 'USDT', '0', '1'],
          [String(T0), 'BNFCR', '0', '1'],
          [String(T0 + MINUTE), 'USDT', '1', '0'],
          [String(T0 + MINUTE), 'BNFCR', '1', '0'],
          [String(T0 + 2 * MINUTE), 'USDT', '1', '0'],
          [String(T0 + 2 * MINUTE), 'BNFCR', '1', '0'],
        ]);
      } finally {
        await new Promise((r) => srv.close(r));
      }
    } finally {
      await db.close();
      rmSync(local, { recursive: true, force: true });
    }
  });
});
