import { describe, expect, it } from 'vitest';
import { parseUrlState, withParams } from './url-state';

const NOW = Date.UTC(2026, 11, 7, 12);
const parse = (search: string) => parseUrlState(search, NOW);

describe('a past moment in the link', () => {
  it('reads at= as ISO 8601 or as ms', () => {
    expect(parse('?at=2026-12-01T12:00Z').at).toBe(Date.UTC(2026, 11, 1, 12));
    expect(parse('?at=2026-12-01T20:00%2B08:00').at).toBe(Date.UTC(2026, 11, 1, 12));
    expect(parse(`?at=${Date.UTC(2026, 11, 1)}`).at).toBe(Date.UTC(2026, 11, 1));
    expect(parse('?at=2026-12-01').at).toBe(Date.UTC(2026, 11, 1));
    expect(parse('').at).toBeUndefined();
    expect(parse('').momentIgnored).toBeUndefined();
  });

  it('falls back to live for a bad, repeated or future at, and keeps why', () => {
    for (const [search, reason] of [
      ['?at=yesterday', 'format'],
      ['?at=2026-12-01T12:00', 'format'],
      ['?at=1&at=2', 'repeated'],
      ['?at=2027-01-01T00:00Z', 'future'],
    ] as const) {
      const url = parse(search);
      expect(url.at, search).toBeUndefined();
      expect(url.vs).toBeUndefined();
      expect(url.momentIgnored).toMatchObject({ param: 'at', reason });
    }
  });

  it('reads vs= only with an at after it; otherwise at alone, with why', () => {
    const both = parse('?at=2026-12-01T12:00Z&vs=2026-11-30T12:00Z');
    expect([both.at, both.vs]).toEqual([Date.UTC(2026, 11, 1, 12), Date.UTC(2026, 10, 30, 12)]);
    const after = parse('?at=2026-12-01T12:00Z&vs=2026-12-02T12:00Z');
    expect(after.vs).toBeUndefined();
    expect(after).toMatchObject({
      at: Date.UTC(2026, 11, 1, 12),
      momentIgnored: { param: 'vs', reason: 'order' },
    });
    expect(parse('?at=2026-12-01T12:00Z&vs=soon').momentIgnored).toMatchObject({
      param: 'vs',
      reason: 'format',
    });
    expect(parse('?vs=2026-12-01T12:00Z').at).toBeUndefined();
    expect(parse('?vs=2026-12-01T12:00Z')).toMatchObject({
      momentIgnored: { param: 'vs', reason: 'alone' },
    });
  });

  it('orders by the change between the two moments, largest fall first, with sort=changeVs', () => {
    const url = parse('?at=2026-12-01T12:00Z&vs=2026-11-30T12:00Z&sort=changeVs');
    expect(url.sortVs).toBe(true);
    expect(url.dir).toBe('asc');
    expect(url.sort).toBe('value');
    expect(parse('?at=2026-12-01T12:00Z&sort=changeVs').sortVs).toBeUndefined();
  });

  it('writes and removes a moment like any other parameter', () => {
    expect(withParams('?sort=name', { at: '2026-12-01T12:00Z' })).toBe(
      '?sort=name&at=2026-12-01T12%3A00Z',
    );
    expect(withParams('?at=1&vs=0', { at: undefined, vs: undefined })).toBe('');
  });
});
