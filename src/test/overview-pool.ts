import { CHANGE_WINDOWS, type ChangeWindow, type OverviewPool } from '../core/history';

const H = 3_600_000;
export const OVERVIEW_AT = Date.UTC(2026, 2, 27, 8, 0, 0);
const now = OVERVIEW_AT;

type OverviewAsset = OverviewPool['assets'][number];

/** One asset of an overview entry: its balance now and, per window, the balance a window back. */
export function overviewAsset(
  asset: string,
  latest: string,
  ref: Partial<Record<ChangeWindow, string>>,
  spark: string[] = [],
): OverviewAsset {
  const at = (w: ChangeWindow) =>
    ref[w] === undefined ? null : { t: now - CHANGE_WINDOWS[w], balance: ref[w] };
  return {
    asset,
    latest: { t: now, balance: latest },
    ref: { '1h': at('1h'), '24h': at('24h'), '7d': at('7d') },
    peak7d: null,
    spark: spark.map((balance, i) => ({ t: now - (spark.length - 1 - i) * H, balance })),
  };
}

/** One pool's entry of `/api/overview`, as a test wants it. */
export function overviewPool(over: Partial<OverviewPool> = {}): OverviewPool {
  const symbols = over.symbols ?? ['BTCUSDT', 'ETHUSDT'];
  return {
    key: [...symbols].sort().join(','),
    symbols,
    follows: symbols[0]!,
    interval: 60_000,
    regrouped: { '1h': false, '24h': false, '7d': false },
    assets: [
      {
        asset: 'USDT',
        latest: { t: now, balance: '793930579.315848' },
        ref: {
          '1h': { t: now - H - 5_000, balance: '793930000' },
          '24h': { t: now - 24 * H, balance: '800000000.5' },
          '7d': null,
        },
        peak7d: { t: now - 30 * H, balance: '801000000' },
        spark: [],
      },
    ],
    ...over,
  };
}
