import { describe, expect, it, vi } from 'vitest';
import { cacheTtlMs, ConfigError, readConfig } from './config.ts';

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

  it('reads FAPI_ADL_EVERY in seconds, 0 recording no ratings, and refuses the rest by name', () => {
    const warn = vi.fn();
    expect(readConfig({ FAPI_ADL_EVERY: '0' }, warn).adlEveryMs).toBe(0);
    expect(readConfig({ FAPI_ADL_EVERY: '90' }, warn).adlEveryMs).toBe(90_000);
    expect(readConfig({ FAPI_ADL_EVERY: 'often' }, warn).adlEveryMs).toBe(300_000);
    expect(readConfig({ FAPI_ADL_EVERY: '-5' }, warn).adlEveryMs).toBe(300_000);
    expect(readConfig({ FAPI_ADL_EVERY: '0.5' }, warn).adlEveryMs).toBe(300_000);
    expect(readConfig({ FAPI_ADL_EVERY: '99999999999' }, warn).adlEveryMs).toBe(300_000);
    expect(warn.mock.calls.map(([line]) => line as string)).toEqual([
      'FAPI_ADL_EVERY="often" is refused: it is not a number of seconds; using 300.',
      'FAPI_ADL_EVERY="-5" is refused: it is not a number of seconds; using 300.',
      'FAPI_ADL_EVERY="0.5" is refused: it is neither 0 nor at least 1 s; using 300.',
      expect.stringMatching(/^FAPI_ADL_EVERY="99999999999" is refused: it is longer than/),
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
      expect.stringMatching(
        /^FAPI_RECORD_EVERY="hourly" is refused: it is not a number of seconds/,
      ),
    ]);
  });

  it('refuses, by name, a number of seconds a timer cannot keep, and keeps the default', () => {
    for (const value of [
      '0.0001',
      '0.5',
      '-1',
      'NaN',
      'Infinity',
      '1e3',
      '2147484',
      '99999999999',
    ]) {
      const warn = vi.fn();
      expect(readConfig({ FAPI_RECORD_EVERY: value }, warn).recordEveryMs).toBe(60_000);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]![0]).toMatch(
        new RegExp(
          `^FAPI_RECORD_EVERY=${JSON.stringify(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is refused: .+; using 60\\.$`,
        ),
      );
    }
    const warn = vi.fn();
    expect(readConfig({ FAPI_RECORD_EVERY: '1', FAPI_CACHE_TTL: '2147483' }, warn)).toMatchObject({
      recordEveryMs: 1_000,
      cacheTtlMs: 2_147_483_000,
    });
    expect(warn).not.toHaveBeenCalled();
    expect(cacheTtlMs('0.0000001', warn)).toBe(5_000);
    expect(warn.mock.calls[0]![0]).toMatch(
      /^FAPI_CACHE_TTL="0.0000001" is refused: it is neither 0 nor/,
    );
  });

  it('refuses a DATABASE_URL of another kind in one sentence that names it, not its contents', () => {
    for (const url of [
      'mysql://root:secret@db/history',
      'sqlite:data/h.db',
      'postgres://u:p@[bad/h',
    ]) {
      let error: unknown;
      try {
        readConfig({ DATABASE_URL: url }, vi.fn());
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/^DATABASE_URL /);
      expect((error as Error).message).not.toContain('secret');
    }
    expect(readConfig({ DATABASE_URL: 'postgres://u@db/h' }, vi.fn()).databaseUrl).toBe(
      'postgres://u@db/h',
    );
  });
});
