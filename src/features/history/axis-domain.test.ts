import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fittedAxis } from './axis-domain';

describe('fittedAxis', () => {
  it('fits a week between 819M and 855M closely, so a 3 % fall fills a good part of the chart', () => {
    const { domain, ticks, fromZero } = fittedAxis([855e6, 829e6, 819e6, 840e6]);
    expect(fromZero).toBe(false);
    expect(domain[0]).toBeGreaterThanOrEqual(800e6);
    expect(domain[1]).toBeLessThanOrEqual(875e6);
    // the 3 % fall (855M to 829M) takes more than a third of the axis' height
    expect((855e6 - 829e6) / (domain[1] - domain[0])).toBeGreaterThan(1 / 3);
    expect(ticks[0]).toBe(domain[0]);
    expect(ticks.at(-1)).toBe(domain[1]);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.length).toBeLessThanOrEqual(8);
  });

  it('starts at zero for a series that reaches down to it, and says so', () => {
    const axis = fittedAxis([0, 5_000, 12_000]);
    expect(axis.domain[0]).toBe(0);
    expect(axis.fromZero).toBe(true);
  });

  it('gives a flat line a narrow band around its value, not a decade', () => {
    const { domain } = fittedAxis([250_000, 250_000]);
    expect(domain[0]).toBeGreaterThan(240_000);
    expect(domain[1]).toBeLessThan(260_000);
    expect(domain[0]).toBeLessThan(250_000);
    expect(domain[1]).toBeGreaterThan(250_000);
  });

  it('always holds every value, on round ticks inside the domain', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), {
          minLength: 1,
          maxLength: 50,
        }),
        (values) => {
          const { domain, ticks } = fittedAxis(values);
          for (const v of values) {
            expect(v).toBeGreaterThanOrEqual(domain[0]);
            expect(v).toBeLessThanOrEqual(domain[1]);
          }
          expect(ticks.length).toBeGreaterThanOrEqual(2);
          expect(ticks.length).toBeLessThanOrEqual(12);
          for (const t of ticks) {
            expect(t).toBeGreaterThanOrEqual(domain[0] - Math.abs(domain[0]) * 1e-9);
            expect(t).toBeLessThanOrEqual(domain[1] + Math.abs(domain[1]) * 1e-9);
          }
        },
      ),
    );
  });
});
