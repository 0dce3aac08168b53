import { describe, expect, it } from 'vitest';
import { sparkPath } from './sparkline';

const H = 3_600_000;
const end = Date.UTC(2026, 2, 27, 8, 0, 0);
const at = (hoursBack: number, balance: string) => ({ t: end - hoursBack * H, balance });

describe('sparkPath', () => {
  it('spans the day before the last point, highest balance at the top', () => {
    expect(sparkPath([at(24, '100'), at(12, '300'), at(0, '200')])).toBe(
      'M0.0 23.0L48.0 1.0L96.0 12.0',
    );
  });

  it('leaves a gap in the recording open, and draws a point alone as a dot', () => {
    const d = sparkPath([
      at(24, '1'),
      at(23, '2'),
      at(22, '1'),
      at(12, '2'),
      at(2, '1'),
      at(1, '2'),
    ]);
    expect(d.match(/M/g)).toHaveLength(3);
    expect(d).toContain('M52.0 1.0h0');
  });

  it('draws a flat day along the middle', () => {
    expect(sparkPath([at(2, '5.0'), at(1, '5')])).toBe('M92.0 12.0L96.0 12.0');
  });
});
