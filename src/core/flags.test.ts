import { describe, expect, it } from 'vitest';
import { documentedPool } from '../test/documented-answers';
import { countFlags, DEFAULT_LOW_USD, flagNames, staleRule } from './flags.ts';
import type { OverviewPool } from './history.ts';
import type { Pool } from './pool-schema.ts';
import { poolKey } from './pools.ts';
import { createValuation } from './pool-figures.ts';
import { indexMap, type AssetIndexEntry, type AssetIndexMap } from './valuation.ts';

const t = Date.UTC(2026, 2, 27, 8, 0, 0);
const MIN = 60_000;
const entry = (symbol: string, index: string): AssetIndexEntry => ({ symbol, index, time: t });
const index = indexMap([
  entry('USDTUSD', '0.99987691'),
  entry('USDCUSD', '0.99991200'),
  entry('BTCUSD', '94712.30000000'),
]);

function pool(assets: [string, string][], updateTime = t): Pool {
  return {
    symbols: ['AUSDT', 'BUSDT'],
    assets: assets.map(([asset, marginBalance]) => ({ asset, marginBalance, updateTime })),
  };
}

/** The pool's entry of `/api/overview`: per asset its balance 24 h ago and its 7-day peak. */
function history(
  of: Pool,
  past: Record<string, { ago24h?: string; peak?: string }>,
  more: Partial<OverviewPool> = {},
): OverviewPool {
  const point = (balance: string | undefined, at: number) => (balance ? { t: at, balance } : null);
  return {
    key: poolKey(of),
    symbols: of.symbols,
    follows: of.symbols[0]!,
    interval: MIN,
    regrouped: { '1h': false, '24h': false, '7d': false },
    assets: of.assets.map((a) => ({
      asset: a.asset,
      latest: { t: a.updateTime, balance: a.marginBalance },
      ref: {
        '1h': null,
        '24h': point(past[a.asset]?.ago24h, t - 86_400_000),
        '7d': null,
      },
      peak7d: point(past[a.asset]?.peak, t - 3 * 86_400_000),
      spark: [],
    })),
    ...more,
  };
}

interface FlagInputs {
  history: OverviewPool;
  index: AssetIndexMap | undefined;
  lowUsd: string;
  now: number;
}

/** The pool's flags as the views get them (core/pool-figures). */
function flagsOf(p: Pool, more: Partial<FlagInputs> = {}) {
  const valuation = createValuation({
    index: 'index' in more ? more.index : index,
    history: more.history ? new Map([[poolKey(p), more.history]]) : undefined,
    lowUsd: more.lowUsd ?? DEFAULT_LOW_USD,
  });
  return valuation.allFlagsOf(p, more.now ?? t + MIN);
}

describe('Low', () => {
  it('does not flag 950 BTC, about ninety million dollars, which "under 1,000 units" did', () => {
    expect(flagsOf(pool([['BTC', '950']])).low).toBeUndefined();
  });

  it('flags a pool worth less than 100,000 dollars, with its value and the threshold', () => {
    expect(flagsOf(pool([['USDT', '1200']])).low).toEqual({
      zero: [],
      below: { usd: '1199.85', threshold: '100000' },
    });
  });

  it('compares the figure shown: 100,012.31 USDT shows 100,000.00 and is not low', () => {
    expect(flagsOf(pool([['USDT', '100012.31']])).low).toBeUndefined();
    expect(flagsOf(pool([['USDT', '100012.30']])).low?.below?.usd).toBe('99999.99');
  });

  it('flags any balance of zero, by name, even in a pool worth millions', () => {
    const p = pool([
      ['USDT', '0'],
      ['BTC', '950'],
    ]);
    expect(flagsOf(p).low).toEqual({ zero: ['USDT'] });
    expect(flagsOf(pool([['USDT', '0.00000000']]), { index: undefined }).low).toEqual({
      zero: ['USDT'],
    });
  });

  it('follows the threshold of the link', () => {
    expect(flagsOf(pool([['BTC', '950']]), { lowUsd: '100000000' }).low?.below).toEqual({
      usd: '89976685.00',
      threshold: '100000000',
    });
    expect(flagsOf(pool([['USDT', '12']]), { lowUsd: '0' }).low).toBeUndefined();
  });

  it('does not call a pool low on a part of its value, nor without the index', () => {
    // BNFCR has no index: the 12 dollars of USDT are not the pool's worth.
    expect(
      flagsOf(
        pool([
          ['USDT', '12'],
          ['BNFCR', '633223.99396922'],
        ]),
      ).low,
    ).toBeUndefined();
    expect(flagsOf(pool([['USDT', '12']]), { index: undefined }).low).toBeUndefined();
  });
});

describe('Drawn down', () => {
  it('flags a pool more than 30 % below its 7-day peak, with both dollar figures', () => {
    const p = pool([['USDT', '65000000']]);
    const flags = flagsOf(p, {
      history: history(p, { USDT: { peak: '100000000', ago24h: '66000000' } }),
    });
    expect(flags.drawnDown?.drawdowns).toEqual([
      {
        window: 'peak7d',
        basis: 'usd',
        from: '99987691.00',
        to: '64991999.15',
        change: -0.35,
        limit: '0.3',
      },
    ]);
  });

  it('does not flag exactly 30 % below the peak, nor exactly 10 % down in 24 h', () => {
    const p = pool([['USDT', '70000000']]);
    expect(
      flagsOf(p, { history: history(p, { USDT: { peak: '100000000' } }) }).drawnDown,
    ).toBeUndefined();
    const q = pool([['USDT', '72000000']]);
    expect(
      flagsOf(q, { history: history(q, { USDT: { ago24h: '80000000' } }) }).drawnDown,
    ).toBeUndefined();
  });

  it('judges a fall a cent from the limit by the exact figures, either side of it', () => {
    // 30 % below a peak of 100,000,000.00 is 70,000,000.00 at an index of 1: a cent under is a
    // drawdown, a cent over is not, though doubles would see the two as nearly the same.
    const flat = { index: indexMap([entry('USDTUSD', '1')]) };
    const under = pool([['USDT', '69999999.99']]);
    const over = pool([['USDT', '70000000.01']]);
    const peak = (p: Pool) => history(p, { USDT: { peak: '100000000.00' } });
    expect(flagsOf(under, { ...flat, history: peak(under) }).drawnDown?.drawdowns).toEqual([
      expect.objectContaining({ window: 'peak7d', from: '100000000.00', to: '69999999.99' }),
    ]);
    expect(flagsOf(over, { ...flat, history: peak(over) }).drawnDown).toBeUndefined();
    // In the pool's own units too, where no asset has an index.
    const units = { index: indexMap([]) };
    expect(flagsOf(under, { ...units, history: peak(under) }).drawnDown?.drawdowns).toHaveLength(1);
    expect(flagsOf(over, { ...units, history: peak(over) }).drawnDown).toBeUndefined();
  });

  it('flags more than 10 % down in 24 h', () => {
    const p = pool([['USDT', '71000000']]);
    const flags = flagsOf(p, {
      history: history(p, { USDT: { ago24h: '80000000', peak: '80000000' } }),
    });
    expect(flags.drawnDown?.drawdowns.map((d) => [d.window, d.from, d.to, d.change])).toEqual([
      ['24h', '79990152.80', '70991260.61', -0.1125],
    ]);
  });

  it('weighs the assets by their dollars, so a 40 % fall of a small part is not a drawdown', () => {
    // USDT fell from 1,000,000 to 600,000 beside 10 BTC: the pool fell 20.5 % in dollars.
    const p = pool([
      ['USDT', '600000'],
      ['BTC', '10'],
    ]);
    const past = history(p, { USDT: { peak: '1000000' }, BTC: { peak: '10' } });
    expect(flagsOf(p, { history: past }).drawnDown).toBeUndefined();
  });

  it('without the index judges each asset in its own units and names the one that fell', () => {
    const p = pool([
      ['USDT', '600000'],
      ['BTC', '10'],
    ]);
    const past = history(p, { USDT: { peak: '1000000' }, BTC: { peak: '10' } });
    const flags = flagsOf(p, { history: past, index: undefined });
    expect(flags.drawnDown?.drawdowns).toEqual([
      {
        window: 'peak7d',
        basis: 'USDT',
        from: '1000000',
        to: '600000',
        change: -0.4,
        limit: '0.3',
      },
    ]);
  });

  it('is not judged over a window in which the pool was regrouped, nor without history', () => {
    const p = pool([['USDT', '10000000']]);
    const regrouped = history(
      p,
      { USDT: { peak: '100000000' } },
      {
        regrouped: { '1h': false, '24h': false, '7d': true },
      },
    );
    expect(flagsOf(p, { history: regrouped }).drawnDown).toBeUndefined();
    expect(flagsOf(p).drawnDown).toBeUndefined();
  });
});

describe('Stale', () => {
  it('waits three times the learned interval, and never less than 15 minutes', () => {
    expect(staleRule(10 * MIN)).toEqual({ afterMs: 30 * MIN, interval: 10 * MIN });
    expect(staleRule(MIN)).toEqual({ afterMs: 15 * MIN, interval: MIN });
  });

  it('flags a snapshot older than that, with its age and the interval it learned', () => {
    const p = pool([['USDT', '5000000']], t);
    const past = history(p, {}, { interval: 10 * MIN });
    expect(flagsOf(p, { history: past, now: t + 29 * MIN }).stale).toBeUndefined();
    expect(flagsOf(p, { history: past, now: t + 31 * MIN }).stale).toEqual({
      ageMs: 31 * MIN,
      afterMs: 30 * MIN,
      interval: 10 * MIN,
    });
  });

  it('without a learned interval applies the 15-minute floor alone and says so', () => {
    const p = pool([['USDT', '5000000']], t);
    expect(flagsOf(p, { now: t + 15 * MIN }).stale).toBeUndefined();
    expect(flagsOf(p, { now: t + 16 * MIN }).stale).toEqual({
      ageMs: 16 * MIN,
      afterMs: 15 * MIN,
      interval: null,
    });
    const unknown = history(p, {}, { interval: null });
    expect(flagsOf(p, { history: unknown, now: t + 16 * MIN }).stale?.interval).toBeNull();
  });
});

describe('flags of a snapshot', () => {
  it('names and counts each flag, the documented majors pool carrying none', () => {
    const zero = pool([['USDT', '0']]);
    const stale = pool([['USDT', '903412.77']], t - 3 * 86_400_000);
    const majors = {
      ...documentedPool,
      assets: documentedPool.assets.map((a) => ({ ...a, updateTime: t })),
    };
    const all = [majors, zero, stale].map((p) => flagsOf(p, { now: t + MIN }));
    expect(all.map(flagNames)).toEqual([[], ['low'], ['stale']]);
    expect(countFlags(all)).toEqual({ low: 1, 'drawn-down': 0, stale: 1 });
  });
});
