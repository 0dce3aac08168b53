import { describe, expect, it } from 'vitest';
import type { Pool } from '../../core/pool-schema';
import { exportFileName, exportTime, isoUtc } from './snapshot-time';

const t = Date.UTC(2026, 10, 21, 4, 30, 0, 250);

describe('exportFileName', () => {
  it('carries the snapshot time in UTC, without characters file systems refuse', () => {
    expect(exportFileName(t, 'csv', false)).toBe('insurance-fund-2026-11-21T04-30-00Z.csv');
    expect(exportFileName(t, 'json', false)).toBe('insurance-fund-2026-11-21T04-30-00Z.json');
  });

  it('says so when the figures are demo data', () => {
    expect(exportFileName(t, 'csv', true)).toBe('insurance-fund-demo-2026-11-21T04-30-00Z.csv');
  });

  it('says when a file holds only which pool covers each symbol', () => {
    expect(exportFileName(t, 'csv', false, 'symbols')).toBe(
      'insurance-fund-symbols-2026-11-21T04-30-00Z.csv',
    );
  });
});

describe('exportTime', () => {
  it('is the newest balance update of the snapshot', () => {
    const pools: Pool[] = [
      { symbols: ['A'], assets: [{ asset: 'USDT', marginBalance: '1', updateTime: t - 5000 }] },
      { symbols: ['B'], assets: [{ asset: 'USDT', marginBalance: '1', updateTime: t }] },
    ];
    expect(exportTime(pools, 1)).toBe(t);
  });

  it('falls back to the fetch time when no pool holds a balance', () => {
    expect(exportTime([{ symbols: ['A'], assets: [] }], t)).toBe(t);
  });
});

describe('isoUtc', () => {
  it('writes ISO 8601 in UTC whatever the machine time zone', () => {
    expect(isoUtc(t)).toBe('2026-11-21T04:30:00.250Z');
  });

  it('keeps a time beyond any calendar as its number instead of throwing', () => {
    expect(isoUtc(9e15)).toBe('9000000000000000');
  });
});
