import { describe, expect, it } from 'vitest';
import { adlAtLeast, parseAdlAnswer, summarizeAdl, type AdlLevel } from './adl';

describe('the exchange’s ADL risk answer', () => {
  it('reads the list of every symbol and the one object of a symbol, as documented', () => {
    expect(
      parseAdlAnswer([
        { symbol: 'BTCUSDT', adlRisk: 'low', updateTime: 1597370495002 },
        { symbol: 'ETHUSDT', adlRisk: 'high', updateTime: 1597370495004 },
      ]),
    ).toEqual([
      { symbol: 'BTCUSDT', level: 'low', updateTime: 1597370495002 },
      { symbol: 'ETHUSDT', level: 'high', updateTime: 1597370495004 },
    ]);
    expect(parseAdlAnswer({ symbol: 'BTCUSDT', adlRisk: 'medium', updateTime: 1 })).toEqual([
      { symbol: 'BTCUSDT', level: 'medium', updateTime: 1 },
    ]);
  });

  it('shows a rating word it does not know as unknown, never as a guess', () => {
    const read = parseAdlAnswer([
      { symbol: 'A', adlRisk: 'extreme', updateTime: 1 },
      { symbol: 'B', adlRisk: '', updateTime: 1 },
      { symbol: 'C', adlRisk: ' High ', updateTime: 1 },
    ]);
    expect(read?.map((r) => r.level)).toEqual(['unknown', 'unknown', 'high']);
    expect(adlAtLeast('unknown', 'low')).toBe(false);
    expect(adlAtLeast('medium', 'medium')).toBe(true);
    expect(adlAtLeast('medium', 'high')).toBe(false);
  });

  it('refuses an answer of another shape', () => {
    expect(parseAdlAnswer({ code: -5, msg: 'Not found.' })).toBeNull();
    expect(parseAdlAnswer([{ symbol: 'A', adlRisk: 'low', updateTime: -1 }])).toBeNull();
    expect(parseAdlAnswer(undefined)).toBeNull();
  });

  it('counts a pool’s members by rating and names the high ones', () => {
    const ratings = new Map<string, AdlLevel>([
      ['AUSDT', 'high'],
      ['BUSDT', 'low'],
      ['CUSDT', 'high'],
      ['DUSDT', 'unknown'],
      ['EUSDT', 'medium'],
    ]);
    expect(summarizeAdl(['CUSDT', 'AUSDT', 'BUSDT', 'DUSDT', 'EUSDT', 'FUSDT'], ratings)).toEqual({
      high: 2,
      medium: 1,
      low: 1,
      unrated: 2,
      highSymbols: ['AUSDT', 'CUSDT'],
    });
  });
});
