import { describe, expect, it } from 'vitest';
import { decimalSign } from './decimal';
import { OVERVIEW_AT, overviewPool } from '../test/overview-pool';
import { everyAssetChange, windowChange } from './window-change';

const H = 3_600_000;
const now = OVERVIEW_AT;

describe('windowChange', () => {
  it('is the latest balance minus the one a window back, exactly, with its share', () => {
    const day = windowChange(overviewPool(), 'USDT', '24h')!;
    expect(day.value).toBe('-6069421.184152');
    expect(day.sign).toBe(-1);
    expect(day.rel).toBe(-0.007586);
    const hour = windowChange(overviewPool(), 'USDT', '1h')!;
    expect(hour.value).toBe('579.315848');
    expect(hour.sign).toBe(1);
  });

  it('gives nothing where the history does not reach back a whole window', () => {
    expect(windowChange(overviewPool(), 'USDT', '7d')).toBeUndefined();
    const short = overviewPool();
    short.assets[0]!.ref['1h'] = { t: now - H + 1, balance: '1' };
    expect(windowChange(short, 'USDT', '1h')).toBeUndefined();
    expect(windowChange(undefined, 'USDT', '24h')).toBeUndefined();
    expect(windowChange(overviewPool(), 'BTC', '24h')).toBeUndefined();
  });

  it('says when the members changed within the window', () => {
    const moved = overviewPool({ regrouped: { '1h': false, '24h': true, '7d': true } });
    expect(windowChange(moved, 'USDT', '24h')?.regrouped).toBe(true);
    expect(windowChange(moved, 'USDT', '1h')?.regrouped).toBe(false);
  });

  it('has no share from a balance of zero, and zero change has no sign', () => {
    const fromZero = overviewPool();
    fromZero.assets[0]!.ref['24h'] = { t: now - 25 * H, balance: '0' };
    expect(windowChange(fromZero, 'USDT', '24h')?.rel).toBeUndefined();
    const flat = overviewPool();
    flat.assets[0]!.ref['24h'] = { t: now - 25 * H, balance: '793930579.3158480' };
    expect(windowChange(flat, 'USDT', '24h')).toMatchObject({ value: '0.0000000', sign: 0 });
    expect(decimalSign('-0.00')).toBe(0);
  });

  it('gives every asset’s change only when each asset has one', () => {
    const two = overviewPool();
    two.assets.push({
      asset: 'BTC',
      latest: { t: now, balance: '61.73143554' },
      ref: { '1h': null, '24h': { t: now - 24 * H, balance: '60' }, '7d': null },
      peak7d: null,
      spark: [],
    });
    expect(everyAssetChange(two, '24h')?.map((c) => c.value)).toEqual([
      '-6069421.184152',
      '1.73143554',
    ]);
    expect(everyAssetChange(two, '1h')).toBeUndefined();
  });
});
