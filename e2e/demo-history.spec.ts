import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { APP_PORT } from '../playwright.config.ts';

/** A port of its own beside the shared stack's two (the app's and its upstream's). */
const DEMO_PORT = APP_PORT + 2;
const DAY = 86_400_000;

interface HistoryAnswer {
  series: { asset: string; points: { t: number }[] }[];
}

/** The span in days of the symbol's first series, or null when the server does not answer yet. */
async function spanDays(url: string): Promise<number | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    if (res.status !== 200) return null;
    const points = ((await res.json()) as HistoryAnswer).series[0]?.points ?? [];
    return points.length ? (points.at(-1)!.t - points[0]!.t) / DAY : 0;
  } catch {
    return null;
  }
}

test('a fresh `npm run demo` never answers its history with part of the month as if it were all', async () => {
  // A busy machine may take half a minute to fill the month before the server listens.
  test.setTimeout(120_000);
  const server = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      '--mode',
      'demo',
      '--host',
      '127.0.0.1',
      '--port',
      String(DEMO_PORT),
      '--strictPort',
    ],
    { stdio: 'ignore', env: { ...process.env, FAPI_RECORD_EVERY: '60' } },
  );
  try {
    const url = `http://127.0.0.1:${DEMO_PORT}/api/history?symbol=BTCUSDT`;
    const spans: number[] = [];
    // From the first moment it answers, for a few seconds: every answer holds the whole month.
    const until = Date.now() + 90_000;
    while (Date.now() < until && spans.length < 15) {
      const span = await spanDays(url);
      if (span !== null) spans.push(span);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) expect(span).toBeGreaterThanOrEqual(29.9);
  } finally {
    server.kill('SIGTERM');
  }
});
