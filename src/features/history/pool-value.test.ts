import { describe, expect, it } from 'vitest';
import { indexAt, valueSeries } from './pool-value';
import { answer, at } from './test-answer';

describe('valueSeries', () => {
  it('values each moment with the index recorded last before it, exactly, to the cent', () => {
    const { points, unvalued } = valueSeries(answer, 1000);
    expect(unvalued).toEqual([]);
    expect(points).toEqual([
      // pool A: USDT alone, at index 1
      { t: at(0), value: '300.50' },
      { t: at(10), value: '310.25' },
      { t: at(35), value: '305.00' },
      { t: at(45), value: '307.00' },
      // pool B holds USDC from minute 54, valued from minute 55: 38.1 × 1 + 1.5 × 1.0001
      { t: at(55), value: '39.60' },
      // the USDT index moves to 0.999: 38.1 × 0.999 + 1.5 × 1.0001 = 38.06190 + 1.50015
      { t: at(60), value: '39.56' },
      { t: at(80), value: '39.36' },
      { t: at(90), value: '39.61' },
    ]);
  });

  it('never values a moment before every asset of the pool has a balance', () => {
    const { points } = valueSeries(answer, 1000);
    expect(points.find((p) => p.t === at(52))).toBeUndefined();
  });

  it('leaves out and names an asset with no recorded index, never counting it at 1', () => {
    const bnfcr = {
      ...answer,
      series: [...answer.series, { asset: 'BNFCR', points: [{ t: at(1), balance: '1000' }] }],
    };
    const { points, unvalued } = valueSeries(bnfcr, 1000);
    expect(unvalued).toEqual(['BNFCR']);
    expect(points.find((p) => p.t === at(10))?.value).toBe('310.25');
  });

  it('has no value at all when no asset has a recorded index', () => {
    expect(valueSeries({ ...answer, index: undefined }, 1000)).toEqual({
      points: [],
      unvalued: ['USDT', 'USDC'],
    });
  });

  it('keeps at most the points asked for, the last of each slice', () => {
    const { points } = valueSeries(answer, 2);
    expect(points.length).toBeLessThanOrEqual(2);
    expect(points.at(-1)).toEqual({ t: at(90), value: '39.61' });
  });
});

describe('indexAt', () => {
  it('is the index recorded last at or before the time', () => {
    const usdt = answer.index![0]!.points;
    expect(indexAt(usdt, at(59))).toBe('1');
    expect(indexAt(usdt, at(60))).toBe('0.999');
    expect(indexAt(usdt, at(0) - 1)).toBeUndefined();
    expect(indexAt(undefined, at(10))).toBeUndefined();
  });
});
