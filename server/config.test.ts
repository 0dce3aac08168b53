import { describe, expect, it, vi } from 'vitest';
import { cacheTtlMs, readConfig } from './config.ts';

describe('the server settings', () => {
  it('reads FAPI_CACHE_TTL in seconds, allows 0 and falls back to 5 for nonsense', () => {
    const warn = vi.fn();
    expect(cacheTtlMs(undefined, warn)).toBe(5000);
    expect(cacheTtlMs('0', warn)).toBe(0);
    expect(cacheTtlMs('2.5', warn)).toBe(2500);
    expect(cacheTtlMs('soon', warn)).toBe(5000);
    expect(cacheTtlMs('-1', warn)).toBe(5000);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('has the documented defaults', () => {
    expect(readConfig({}, vi.fn())).toEqual({
      upstream: 'https://fapi.binance.com',
      cacheTtlMs: 5000,
      recordEveryMs: 60_000,
      adlEveryMs: 300_000,
      historyDb: 'data/history.sqlite',
      databaseUrl: undefined,
    });
  });

  it('reads FAPI_RECORD_EVERY in seconds, 0 recording nothing', () => {
    expect(readConfig({ FAPI_RECORD_EVERY: '0' }, vi.fn()).recordEveryMs).toBe(0);
    expect(readConfig({ FAPI_RECORD_EVERY: '2.5' }, vi.fn()).recordEveryMs).toBe(2_500);
  });

  it('reads FAPI_ADL_EVERY in seconds, 0 recording no ratings, and names nonsense', () => {
    const warn = vi.fn();
    expect(readConfig({ FAPI_ADL_EVERY: '0' }, warn).adlEveryMs).toBe(0);
    expect(readConfig({ FAPI_ADL_EVERY: '90' }, warn).adlEveryMs).toBe(90_000);
    expect(readConfig({ FAPI_ADL_EVERY: 'often' }, warn).adlEveryMs).toBe(300_000);
    expect(readConfig({ FAPI_ADL_EVERY: '-5' }, warn).adlEveryMs).toBe(300_000);
    expect(warn.mock.calls.map(([line]) => line as string)).toEqual([
      expect.stringMatching(/^FAPI_ADL_EVERY="often" is not a number of seconds; using 300/),
      expect.stringMatching(/^FAPI_ADL_EVERY="-5" is not a number of seconds; using 300/),
    ]);
  });

  it('names a setting it cannot read and keeps its default', () => {
    const warn = vi.fn();
    const config = readConfig(
      { FAPI_UPSTREAM: 'ftp://example', FAPI_RECORD_EVERY: 'hourly', HISTORY_DB: ' x.db ' },
      warn,
    );
    expect(config.upstream).toBe('https://fapi.binance.com');
    expect(config.recordEveryMs).toBe(60_000);
    expect(config.historyDb).toBe('x.db');
    expect(warn.mock.calls.map(([line]) => line as string)).toEqual([
      expect.stringMatching(/^FAPI_UPSTREAM="ftp:\/\/example" is not an http\(s\) URL/),
      expect.stringMatching(/^FAPI_RECORD_EVERY="hourly" is not a number of seconds/),
    ]);
  });
});
