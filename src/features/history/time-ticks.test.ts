import { describe, expect, it } from 'vitest';
import { tickLabel, timeTicks } from './time-ticks';

const t0 = Date.UTC(2026, 11, 2, 6, 7);

describe('timeTicks', () => {
  it('ticks an hour every ten minutes, labelled with the time of day', () => {
    const ticks = timeTicks(t0 - 3_600_000, t0);
    expect(ticks.step).toBe(10 * 60_000);
    expect(ticks.ticks.map((t) => tickLabel(t, ticks))).toEqual([
      '05:10',
      '05:20',
      '05:30',
      '05:40',
      '05:50',
      '06:00',
    ]);
  });

  it('ticks a week on UTC midnights, labelled with the date', () => {
    const ticks = timeTicks(t0 - 7 * 86_400_000, t0);
    expect(ticks.step).toBe(86_400_000);
    expect(ticks.ticks.map((t) => tickLabel(t, ticks))).toEqual([
      '11-26',
      '11-27',
      '11-28',
      '11-29',
      '11-30',
      '12-01',
      '12-02',
    ]);
  });

  it('gives the date and the time for a day, and at most the ticks asked for over a year', () => {
    const day = timeTicks(t0 - 86_400_000, t0);
    expect(tickLabel(day.ticks[0]!, day)).toBe('12-01 12:00');
    const year = timeTicks(t0 - 365 * 86_400_000, t0);
    expect(year.ticks.length).toBeLessThanOrEqual(7);
    expect(tickLabel(year.ticks[0]!, year)).toMatch(/^\d{4}-\d{2}$/);
  });
});
