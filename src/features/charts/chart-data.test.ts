import { describe, expect, it } from 'vitest';
import type { Pool } from '../../core/pool-schema';
import { MAX_BARS, needsRedraw, poolKeyOfSymbol, shapeCharts } from './chart-data';

const t = 1763699400000;
const majors: Pool = {
  symbols: ['BNBUSDT', 'BTCUSDT', 'ETHUSDT', 'BTCUSDC'],
  assets: [
    { asset: 'USDC', marginBalance: '299999998.6497832', updateTime: t },
    { asset: 'USDT', marginBalance: '793930579.315848', updateTime: t },
    { asset: 'BTC', marginBalance: '61.73143554', updateTime: t },
  ],
};
const unicode: Pool = {
  symbols: ['币安人生USDT', '哈基米USDT'],
  assets: [{ asset: 'USDT', marginBalance: '2718281.82845904', updateTime: t }],
};
const depleted: Pool = {
  symbols: ['BSWUSDT', 'LEVERUSDT'],
  assets: [{ asset: 'USDT', marginBalance: '0', updateTime: t }],
};
const usdcOnly: Pool = {
  symbols: ['DOGEUSDC'],
  assets: [{ asset: 'USDC', marginBalance: '12873311.00451', updateTime: t }],
};
const pools = [majors, depleted, unicode, usdcOnly];

function many(count: number): Pool[] {
  return Array.from({ length: count }, (_, i) => ({
    symbols: [`P${i}USDT`],
    assets: [{ asset: 'USDT', marginBalance: `${(i + 1) * 1000}.5`, updateTime: t }],
  }));
}

describe('shapeCharts', () => {
  it('makes one chart per asset in the snapshot, the most widely held first', () => {
    const charts = shapeCharts(pools);
    expect(charts.map((c) => c.asset)).toEqual(['USDT', 'USDC', 'BTC']);
    expect(charts.map((c) => c.rows.length)).toEqual([3, 2, 1]);
  });

  it('orders rows largest first and keeps the exact strings and totals', () => {
    const usdt = shapeCharts(pools)[0]!;
    expect(usdt.rows.map((r) => r.balance)).toEqual(['793930579.315848', '2718281.82845904', '0']);
    expect(usdt.rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(usdt.total).toBe('796648861.14430704');
  });

  it('orders balances a float cannot tell apart by their exact digits', () => {
    const close: Pool[] = ['0.1', '0.10000000000000000001', '0.09999999999999999999'].map(
      (marginBalance, i) => ({
        symbols: [`C${i}USDT`],
        assets: [{ asset: 'USDT', marginBalance, updateTime: t }],
      }),
    );
    expect(shapeCharts(close)[0]!.rows.map((r) => r.balance)).toEqual([
      '0.10000000000000000001',
      '0.1',
      '0.09999999999999999999',
    ]);
  });

  it('names each row by its pool and opens the symbol the pool is named after', () => {
    const [first, second] = shapeCharts(pools)[0]!.rows;
    // BNBUSDT is listed first and sorts first, but the pool is named after BTC.
    expect(first).toMatchObject({ name: 'BTC · ETH · BNB', members: 4, opens: 'BTCUSDT' });
    expect(second?.leading).toEqual(['哈基米USDT', '币安人生USDT']);
    expect(second?.opens).toBe('哈基米USDT');
  });

  it('draws a zero balance at the log axis lower bound and marks it clamped', () => {
    const usdt = shapeCharts(pools)[0]!;
    const zero = usdt.rows[2]!;
    expect(zero.clamped).toBe(true);
    expect(zero.logValue).toBe(usdt.log.floor);
    expect(zero.value).toBe(0);
    expect(usdt.rows[0]!.clamped).toBe(false);
  });

  it('highlights the searched pool in every chart that holds its assets', () => {
    const key = poolKeyOfSymbol(pools, 'BTCUSDC');
    const charts = shapeCharts(pools, key);
    for (const chart of charts) {
      expect(chart.rows.filter((r) => r.highlighted).map((r) => r.name)).toEqual([
        'BTC · ETH · BNB',
      ]);
    }
  });

  it('draws at most MAX_BARS bars, but keeps every pool in the rows', () => {
    const usdt = shapeCharts(many(600))[0]!;
    expect(usdt.rows).toHaveLength(600);
    expect(usdt.bars).toHaveLength(MAX_BARS);
    expect(usdt.bars[0]?.balance).toBe('600000.5');
  });

  it('fits the log axis to the bars drawn, not to pools only the table lists', () => {
    const list = many(600);
    list.push({
      symbols: ['DUSTUSDT'],
      assets: [{ asset: 'USDT', marginBalance: '0.5', updateTime: t }],
    });
    const usdt = shapeCharts(list)[0]!;
    expect(usdt.log.floor).toBe(1e5);
    expect(usdt.bars.every((b) => !b.clamped)).toBe(true);
    const searched = shapeCharts(list, poolKeyOfSymbol(list, 'DUSTUSDT'))[0]!;
    expect(searched.log.floor).toBe(0.1);
  });

  it('adds the searched pool as a bar when it is not among the largest', () => {
    const list = many(600);
    const usdt = shapeCharts(list, poolKeyOfSymbol(list, 'P0USDT'))[0]!;
    expect(usdt.bars).toHaveLength(MAX_BARS + 1);
    expect(usdt.bars.at(-1)).toMatchObject({ balance: '1000.5', rank: 600, highlighted: true });
  });

  it('gives equal signatures to equal data and a new one when a balance moves', () => {
    const before = shapeCharts(pools);
    const same = shapeCharts(structuredClone(pools));
    expect(same.map((c) => c.signature)).toEqual(before.map((c) => c.signature));
    const moved = structuredClone(pools);
    moved[1]!.assets[0]!.marginBalance = '2718281.82845905';
    const after = shapeCharts(moved);
    expect(after[0]!.signature).not.toBe(before[0]!.signature);
    expect(after[1]!.signature).toBe(before[1]!.signature);
  });
});

describe('flag marks', () => {
  it('marks flagged pools in every chart that holds them, and redraws when a mark changes', () => {
    const flags = new Map([['BSWUSDT,LEVERUSDT', ['low'] as const]]);
    const marked = shapeCharts(pools, undefined, flags);
    const usdt = marked.find((c) => c.asset === 'USDT')!;
    expect(usdt.rows.map((r) => [r.name, r.flags])).toEqual([
      ['BTC · ETH · BNB', []],
      ['哈基米 · 币安人生', []],
      ['BSW · LEVER', ['low']],
    ]);
    const plain = shapeCharts(pools).find((c) => c.asset === 'USDT')!;
    expect(usdt.signature).not.toBe(plain.signature);
    expect(needsRedraw(plain, usdt)).toBe(true);
    const again = shapeCharts(pools, undefined, new Map([['BSWUSDT,LEVERUSDT', ['low'] as const]]));
    expect(
      needsRedraw(
        usdt,
        again.find((c) => c.asset === 'USDT')!,
      ),
    ).toBe(false);
  });
});

describe('poolKeyOfSymbol', () => {
  it('finds the pool by an exact member symbol, including non-ASCII ones', () => {
    expect(poolKeyOfSymbol(pools, '币安人生USDT')).toBe(poolKeyOfSymbol([unicode], '哈基米USDT'));
    expect(poolKeyOfSymbol(pools, 'NOPEUSDT')).toBeUndefined();
    expect(poolKeyOfSymbol(pools, undefined)).toBeUndefined();
  });
});

describe('needsRedraw', () => {
  const usdt = (list: Pool[], highlight?: string) =>
    shapeCharts(list, highlight).find((c) => c.asset === 'USDT')!;
  const withUsdt = (pool: Pool, balance: string): Pool => ({
    ...pool,
    assets: pool.assets.map((a) => (a.asset === 'USDT' ? { ...a, marginBalance: balance } : a)),
  });

  it('keeps the drawing for moves too small to see, and redraws once they add up', () => {
    const drawn = usdt([majors, unicode]);
    const nudged = usdt([withUsdt(majors, '794009972.3738'), unicode]);
    expect(needsRedraw(drawn, nudged)).toBe(false);
    const drifted = usdt([withUsdt(majors, '797900000'), unicode]);
    expect(needsRedraw(drawn, drifted)).toBe(true);
  });

  it('redraws for a drop, a new order or a new highlight', () => {
    const drawn = usdt([majors, unicode]);
    expect(needsRedraw(drawn, usdt([majors, withUsdt(unicode, '1359140.91422952')]))).toBe(true);
    expect(needsRedraw(drawn, usdt([withUsdt(majors, '1000'), unicode]))).toBe(true);
    const grown = usdt([withUsdt(majors, '873323637.2474328'), withUsdt(unicode, '2990110.001')]);
    expect(needsRedraw(drawn, grown)).toBe(true);
    expect(
      needsRedraw(drawn, usdt([majors, unicode], poolKeyOfSymbol([unicode], '哈基米USDT'))),
    ).toBe(true);
  });
});
