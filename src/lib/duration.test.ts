import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';

describe('formatDuration', () => {
  it('names a length of time in its largest whole unit, in the reader’s language', () => {
    expect(formatDuration(45_000, 'en')).toBe('45 seconds');
    expect(formatDuration(15 * 60_000, 'en')).toBe('15 minutes');
    expect(formatDuration(90 * 60_000, 'en')).toBe('90 minutes');
    expect(formatDuration(5 * 3600_000 + 59 * 60_000, 'en')).toBe('5 hours');
    expect(formatDuration(3 * 86_400_000 + 17 * 60_000, 'en')).toBe('3 days');
    expect(formatDuration(15 * 60_000, 'zh-CN')).toBe('15分钟');
  });
});
