import { describe, expect, it } from 'vitest';
import { formatMoment, parseMoment } from './moment';

describe('a moment as a link writes it', () => {
  it('reads ms and ISO 8601 with a zone, to the same instant wherever it is opened', () => {
    const noon = Date.UTC(2026, 11, 1, 12);
    expect(parseMoment(String(noon))).toEqual({ ok: true, at: noon });
    expect(parseMoment('2026-12-01T12:00Z')).toEqual({ ok: true, at: noon });
    expect(parseMoment('2026-12-01t12:00:00.000z')).toEqual({ ok: true, at: noon });
    expect(parseMoment('2026-12-01T20:00+08:00')).toEqual({ ok: true, at: noon });
    expect(parseMoment('2026-12-01T07:00-0500')).toEqual({ ok: true, at: noon });
    expect(parseMoment('2026-12-01')).toEqual({ ok: true, at: Date.UTC(2026, 11, 1) });
  });

  it('refuses what is not a moment, or has no zone', () => {
    for (const text of [
      '',
      'now',
      '2026-12-01T12:00',
      '2026-13-01T12:00Z',
      '1e12',
      '-1',
      '2026-12-01 12:00Z',
    ])
      expect(parseMoment(text).ok, text).toBe(false);
    expect(parseMoment('9'.repeat(15))).toMatchObject({ ok: true });
  });

  it('writes a moment in UTC, to the minute when that is exact', () => {
    expect(formatMoment(Date.UTC(2026, 11, 1, 12))).toBe('2026-12-01T12:00Z');
    expect(formatMoment(Date.UTC(2026, 11, 1, 12, 0, 5, 7))).toBe('2026-12-01T12:00:05.007Z');
    const at = Date.UTC(2026, 10, 3, 4, 5);
    expect(parseMoment(formatMoment(at))).toEqual({ ok: true, at });
  });
});
