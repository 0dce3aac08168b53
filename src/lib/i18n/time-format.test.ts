import { describe, expect, it } from 'vitest';
import { createI18n, utcOffsetLabel } from './i18n';

/** 00:30:05 UTC on 2 December 2026: the hour some engines write as 24. */
const AFTER_MIDNIGHT = Date.UTC(2026, 11, 2, 0, 30, 5);
const MORNING = Date.UTC(2026, 11, 2, 1, 32, 44);

describe('snapshot times (UTC)', () => {
  it('reads the first hour after midnight as 00, on the server as in the browser', () => {
    expect(createI18n('en').formatUtc(AFTER_MIDNIGHT)).toBe('2026-12-02 00:30:05 UTC');
    expect(createI18n('zh-CN').formatUtc(AFTER_MIDNIGHT)).toBe('2026-12-02 00:30:05 UTC');
  });

  it('writes the date in one order for every reader, so 2 December is not 12 February', () => {
    const text = createI18n('en').formatUtc(MORNING);
    expect(text).toBe('2026-12-02 01:32:44 UTC');
    expect(text).not.toMatch(/12\/02|02\/12/);
  });

  it('shows a dash for a time no calendar can hold instead of failing', () => {
    expect(createI18n('en').formatUtc(9e15)).toBe('—');
  });
});

describe('the viewer’s own clock', () => {
  it('says its zone beside every time', () => {
    expect(createI18n('en', { timeZone: 'Asia/Shanghai' }).formatClock(MORNING)).toBe(
      '09:32:44 UTC+8',
    );
    expect(createI18n('en', { timeZone: 'UTC' }).formatClock(MORNING)).toBe('01:32:44 UTC');
    expect(createI18n('zh-CN', { timeZone: 'Asia/Kolkata' }).formatClock(MORNING)).toBe(
      '07:02:44 UTC+5:30',
    );
  });

  it('reads the hour after local midnight as 00', () => {
    const localMidnight = Date.UTC(2026, 11, 1, 16, 30, 5); // 00:30:05 in Shanghai
    expect(createI18n('zh-CN', { timeZone: 'Asia/Shanghai' }).formatClock(localMidnight)).toBe(
      '00:30:05 UTC+8',
    );
    expect(createI18n('en', { timeZone: 'UTC' }).formatClock(AFTER_MIDNIGHT)).toBe('00:30:05 UTC');
  });
});

describe('utcOffsetLabel', () => {
  it('turns Intl’s long offsets into UTC offsets', () => {
    expect(utcOffsetLabel('GMT')).toBe('UTC');
    expect(utcOffsetLabel('GMT+00:00')).toBe('UTC');
    expect(utcOffsetLabel('GMT+08:00')).toBe('UTC+8');
    expect(utcOffsetLabel('GMT-03:30')).toBe('UTC-3:30');
  });
});
