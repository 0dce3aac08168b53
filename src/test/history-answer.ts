import type { HistoryAnswer } from '../core/history';

/** BTCUSDT's last hour up to `now`: one USDT balance a minute before, in one pool with ETHUSDT. */
export const btcHour = (now: number): HistoryAnswer => ({
  symbol: 'BTCUSDT',
  from: now - 3_600_000,
  to: now,
  series: [{ asset: 'USDT', points: [{ t: now - 60_000, balance: '793930579.315848' }] }],
  pools: [{ from: now - 3_600_000, to: null, symbols: ['BTCUSDT', 'ETHUSDT'] }],
  coverage: [[now - 3_600_000, now]],
});
