import type { HistoryAnswer } from '../../core/history';

/** Minutes after 2026-12-01 00:00 UTC, in ms. */
export const at = (minutes: number) => Date.UTC(2026, 11, 1) + minutes * 60_000;

/**
 * A symbol's history over 100 minutes: LINKUSDT in pool A (USDT) until minute 50, then in pool
 * B (USDT and USDC), with no record from minute 20 to 30. USDT has an index throughout, USDC
 * from minute 55, BNFCR none.
 */
export const answer: HistoryAnswer = {
  symbol: 'LINKUSDT',
  from: at(0),
  to: at(100),
  series: [
    {
      asset: 'USDT',
      points: [
        { t: at(0), balance: '300.5' },
        { t: at(10), balance: '310.25' },
        { t: at(35), balance: '305' },
        { t: at(45), balance: '307' },
        // pool B: another pool's balance, not a loss
        { t: at(52), balance: '38.1' },
        { t: at(80), balance: '37.9' },
      ],
    },
    {
      asset: 'USDC',
      points: [
        { t: at(54), balance: '1.5' },
        { t: at(90), balance: '1.75' },
      ],
    },
  ],
  pools: [
    { from: at(0), to: at(50), symbols: ['LINKUSDT', 'ADAUSDT'] },
    { from: at(51), to: null, symbols: ['LINKUSDT', '1000PEPEUSDT', 'BONKUSDT'] },
  ],
  coverage: [
    [at(0), at(20)],
    [at(30), at(100)],
  ],
  index: [
    {
      asset: 'USDT',
      points: [
        { t: at(0), index: '1' },
        { t: at(60), index: '0.999' },
      ],
    },
    { asset: 'USDC', points: [{ t: at(55), index: '1.0001' }] },
  ],
};
