import { describe, expect, it } from 'vitest';
import { freshnessOf } from './freshness';

const base = { refreshMs: 60_000, now: 1_000_000_000 };

describe('freshnessOf', () => {
  it('is live right after a good refresh', () => {
    expect(
      freshnessOf({ ...base, hasData: true, dataUpdatedAt: base.now - 1_000, errorUpdatedAt: 0 }),
    ).toBe('live');
  });

  it('turns stale when the last refresh failed, data still shown', () => {
    expect(
      freshnessOf({
        ...base,
        hasData: true,
        dataUpdatedAt: base.now - 5_000,
        errorUpdatedAt: base.now - 1_000,
      }),
    ).toBe('stale');
  });

  it('turns stale when refreshes are late, even without an error', () => {
    expect(
      freshnessOf({ ...base, hasData: true, dataUpdatedAt: base.now - 121_000, errorUpdatedAt: 0 }),
    ).toBe('stale');
    expect(
      freshnessOf({
        ...base,
        refreshMs: 1_000,
        hasData: true,
        dataUpdatedAt: base.now - 17_000,
        errorUpdatedAt: 0,
      }),
    ).toBe('stale');
  });

  it('is offline when no data could be had, connecting before the first answer', () => {
    expect(
      freshnessOf({ ...base, hasData: false, dataUpdatedAt: 0, errorUpdatedAt: base.now }),
    ).toBe('offline');
    expect(freshnessOf({ ...base, hasData: false, dataUpdatedAt: 0, errorUpdatedAt: 0 })).toBe(
      'connecting',
    );
  });
});
