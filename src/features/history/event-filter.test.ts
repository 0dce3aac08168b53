import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../core/history';
import { eventsOfSymbol } from './event-filter';

const t = Date.UTC(2026, 11, 1);
const events: HistoryEvent[] = [
  {
    kind: 'moved',
    at: t + 5,
    symbols: ['LINKUSDT'],
    pool: ['LINKUSDT', 'PEPEUSDT'],
    fromPool: ['ADAUSDT', 'LINKUSDT'],
  },
  {
    kind: 'moved',
    at: t + 4,
    symbols: ['XRPUSDT'],
    pool: ['XRPUSDT', 'PEPEUSDT', 'LINKUSDT'],
    fromPool: ['XRPUSDT'],
  },
  {
    kind: 'moved',
    at: t + 3,
    symbols: ['DOTUSDT'],
    pool: ['DOTUSDT'],
    fromPool: ['ADAUSDT', 'DOTUSDT'],
  },
  {
    kind: 'drop',
    at: t + 2,
    symbols: ['ADAUSDT', 'LINKUSDT'],
    pool: ['ADAUSDT', 'LINKUSDT'],
    asset: 'USDT',
    before: '100',
    after: '90',
  },
  { kind: 'appeared', at: t + 1, symbols: ['NEWUSDT'], pool: ['NEWUSDT'] },
];

describe('eventsOfSymbol', () => {
  it('keeps what happened to the pools that covered the symbol, at the time they did', () => {
    expect(eventsOfSymbol(events, 'LINKUSDT').map((e) => e.at)).toEqual([t + 5, t + 4, t + 2]);
  });

  it('keeps a symbol’s leaving of a pool, though the pool it left no longer holds it', () => {
    expect(eventsOfSymbol(events, 'DOTUSDT').map((e) => e.at)).toEqual([t + 3]);
    expect(eventsOfSymbol(events, 'ADAUSDT').map((e) => e.at)).toEqual([t + 5, t + 3, t + 2]);
  });

  it('keeps nothing of pools that never held the symbol', () => {
    expect(eventsOfSymbol(events, 'BTCUSDT')).toEqual([]);
  });
});
