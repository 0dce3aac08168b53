import { describe, expect, it } from 'vitest';
import { indexMap } from '../../src/core/valuation.ts';
import { judge, type JudgeInput, type JudgedPool } from './judge.ts';
import { checkAlertsFile, type AlertRule } from './rules.ts';

function rules(...list: unknown[]): AlertRule[] {
  const load = checkAlertsFile({ rules: list });
  if (load.kind !== 'ok') throw new Error(JSON.stringify(load));
  return load.file.rules;
}

const HOUR = 3_600_000;
function pool(symbols: string[], assets: [string, string, string?][], since = 0): JudgedPool {
  return {
    key: [...symbols].sort().join(','),
    symbols,
    since,
    assets: assets.map(([asset, balance, high]) => ({
      asset,
      balance,
      t: 10 * HOUR,
      peaks: new Map([[HOUR, { t: 9 * HOUR, balance: high ?? balance }]]),
    })),
  };
}

const input = (over: Partial<JudgeInput>): JudgeInput => ({
  rules: [],
  pools: [],
  index: new Map(),
  ratings: [],
  first: 0,
  last: 10 * HOUR,
  now: 10 * HOUR,
  ...over,
});

describe('judging the rules', () => {
  it('finds a fall at exactly the percentage, to the last digit, and not a hair short of it', () => {
    const found = judge(
      input({
        rules: rules({ name: 'f', kind: 'fall', percent: 5, within: '1h' }),
        pools: [
          pool(['BTCUSDT'], [['USDT', '95.000000000000000001', '100']]),
          pool(['ETHUSDT'], [['USDT', '95', '100']]),
          pool(['XRPUSDT'], [['USDT', '0.5', '0']]),
        ],
      }),
    );
    expect(found.map((c) => [c.pool.symbols, c.value, c.reference])).toEqual([
      [['ETHUSDT'], '95', '100'],
    ]);
  });

  it('values a pool in dollars by the asset index for `below`, leaving unvalued assets out', () => {
    const index = indexMap([
      { symbol: 'BTCUSD', index: '100000', time: 1 },
      { symbol: 'USDTUSD', index: '0.9999', time: 1 },
    ]);
    const found = judge(
      input({
        rules: rules(
          { name: 'usd', kind: 'below', usd: 1_000_000 },
          { name: 'usdt', kind: 'below', asset: 'USDT', balance: 500 },
        ),
        index,
        pools: [
          pool(
            ['BTCUSDT'],
            [
              ['BTC', '9.99'],
              ['USDT', '1000'],
            ],
          ),
          pool(
            ['ETHUSDT'],
            [
              ['BTC', '10'],
              ['USDT', '0'],
            ],
          ),
          pool(['NEWUSDT'], [['NEW', '1']]),
        ],
      }),
    );
    expect(found.map((c) => [c.rule, c.pool.symbols[0], c.value, c.reference])).toEqual([
      ['usd', 'BTCUSDT', '999999.90', '1000000'],
      ['usdt', 'ETHUSDT', '0', '500'],
    ]);
  });

  it('rates ADL by level or higher, regroupings for an hour, and staleness by the last recording', () => {
    const found = judge(
      input({
        rules: rules(
          { name: 'adl', kind: 'adl', level: 'medium' },
          { name: 'moved', kind: 'regrouped' },
          { name: 'stale', kind: 'stale', minutes: 15 },
        ),
        ratings: [
          { symbol: 'BTCUSDT', level: 'high', updateTime: 1 },
          { symbol: 'ETHUSDT', level: 'low', updateTime: 1 },
          { symbol: 'XRPUSDT', level: 'unknown', updateTime: 1 },
        ],
        pools: [
          pool(['BTCUSDT', 'ETHUSDT'], [['USDT', '1']], 10 * HOUR - 60_000),
          pool(['DOGEUSDT'], [['USDT', '1']], 8 * HOUR),
        ],
        now: 10 * HOUR + 15 * 60_000,
      }),
    );
    expect(found.map((c) => [c.rule, c.subject])).toEqual([
      ['adl', 'BTCUSDT'],
      ['moved', 'BTCUSDT,ETHUSDT'],
      ['stale', '*'],
    ]);
  });
});
