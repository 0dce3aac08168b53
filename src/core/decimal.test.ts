import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareDecimals,
  formatCompact,
  formatExact,
  formatExactParts,
  multiplyDecimals,
  relativeChange,
  roundDecimal,
  roundToCents,
  subtractDecimals,
  sumDecimals,
} from './decimal.ts';
import { decimalStrings } from '../test/decimal-strings';

const decimal = decimalStrings(25, 12);

const fractionDigits = (v: string) => v.split('.')[1]?.length ?? 0;

/** `v` as an integer of 10^-scale units, worked out independently of the code under test. */
function scaled(v: string, scale: number): bigint {
  const [whole, fraction = ''] = v.replace('-', '').split('.');
  const digits = BigInt(whole! + fraction.padEnd(scale, '0'));
  return v.startsWith('-') ? -digits : digits;
}

describe('formatExact', () => {
  it('keeps every digit of the documented balances', () => {
    expect(formatExact('793930579.315848', 'en')).toBe('793,930,579.315848');
    expect(formatExact('299999998.6497832', 'en')).toBe('299,999,998.6497832');
    expect(formatExact('61.73143554', 'zh-CN')).toBe('61.73143554');
  });

  it('keeps digits a float would lose and trailing zeros the upstream wrote', () => {
    expect(formatExact('9007199254740993.12345678', 'en')).toBe('9,007,199,254,740,993.12345678');
    expect(formatExact('1200.50', 'en')).toBe('1,200.50');
    expect(formatExact('-0.00000001', 'en')).toBe('-0.00000001');
    expect(formatExact('000123', 'en')).toBe('123');
  });

  it('keeps every digit of any decimal, only grouped and without leading zeros', () => {
    fc.assert(
      fc.property(decimal, (v) => {
        const unpadded = v.replace(/^(-?)0+(?=\d)/, '$1');
        expect(formatExact(v, 'en').replaceAll(',', '')).toBe(unpadded);
      }),
      { numRuns: 1000 },
    );
  });

  it('splits a figure at its decimal point, to be set on it, losing nothing', () => {
    expect(formatExactParts('793930579.315848', 'en')).toEqual({
      whole: '793,930,579',
      fraction: '.315848',
    });
    expect(formatExactParts('-12', 'en')).toEqual({ whole: '-12', fraction: '' });
    expect(formatExactParts('1234567.5', 'de-DE')).toEqual({ whole: '1.234.567', fraction: ',5' });
  });

  it('uses the locale separators', () => {
    expect(formatExact('1234567.5', 'de-DE')).toBe('1.234.567,5');
  });

  it('refuses something that is not a decimal string', () => {
    expect(() => formatExact('1e9', 'en')).toThrow(RangeError);
  });
});

describe('sumDecimals', () => {
  it('adds exactly where floats would not', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['793930579.315848', '314151411.06482935', '5166686.84431694'])).toBe(
      '1113248677.22499429',
    );
    expect(sumDecimals([])).toBe('0');
  });

  it('agrees with big-integer arithmetic, signs and leading zeros included', () => {
    fc.assert(
      fc.property(fc.array(decimal, { maxLength: 6 }), (values) => {
        const scale = values.reduce((max, v) => Math.max(max, fractionDigits(v)), 0);
        const total = values.reduce((sum, v) => sum + scaled(v, scale), 0n);
        expect(scaled(sumDecimals(values), scale)).toBe(total);
        expect(fractionDigits(sumDecimals(values))).toBe(scale);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('compareDecimals and relativeChange', () => {
  it('orders by value, not by text', () => {
    expect(['10.5', '9.99', '100', '-1'].sort(compareDecimals)).toEqual([
      '-1',
      '9.99',
      '10.5',
      '100',
    ]);
    expect(compareDecimals('9007199254740993', '9007199254740992')).toBe(1);
  });

  it('treats zeros, leading and trailing zeros and signs as numbers do', () => {
    expect(compareDecimals('-0.00', '0')).toBe(0);
    expect(compareDecimals('007.50', '7.5')).toBe(0);
    expect(compareDecimals('0.05', '0.1')).toBe(-1);
    expect(compareDecimals('-0.05', '-0.1')).toBe(1);
    expect(compareDecimals('-0.00000001', '0')).toBe(-1);
    expect(compareDecimals('1000', '999.99999999')).toBe(1);
  });

  it('agrees with big-integer arithmetic on any two decimals', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const scale = Math.max(fractionDigits(a), fractionDigits(b));
        const d = scaled(a, scale) - scaled(b, scale);
        expect(compareDecimals(a, b)).toBe(d === 0n ? 0 : d < 0n ? -1 : 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('measures a drawdown', () => {
    expect(relativeChange('100', '94')).toBeCloseTo(-0.06);
    expect(relativeChange('0', '5')).toBeUndefined();
  });
});

describe('subtractDecimals', () => {
  it('subtracts exactly, signs and scales included', () => {
    expect(subtractDecimals('0.3', '0.1')).toBe('0.2');
    expect(subtractDecimals('793930579.315848', '793930580')).toBe('-0.684152');
    expect(subtractDecimals('12.48213577', '12.48213577')).toBe('0.00000000');
  });

  it('agrees with big-integer arithmetic on any two decimals', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const scale = Math.max(fractionDigits(a), fractionDigits(b));
        expect(scaled(subtractDecimals(a, b), scale)).toBe(scaled(a, scale) - scaled(b, scale));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('multiplyDecimals', () => {
  it('multiplies a balance by an index exactly, keeping every decimal of both', () => {
    expect(multiplyDecimals('61.73143554', '94712.3')).toBe('5846726.242295142');
    expect(multiplyDecimals('793930579.315848', '0.99987691')).toBe('793832854.40084001226968');
    expect(multiplyDecimals('0.1', '0.2')).toBe('0.02');
    expect(multiplyDecimals('-2.5', '4')).toBe('-10.0');
    expect(multiplyDecimals('9007199254740993', '3')).toBe('27021597764222979');
  });

  it('agrees with big-integer arithmetic on any two decimals', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const scale = fractionDigits(a) + fractionDigits(b);
        const product = scaled(a, fractionDigits(a)) * scaled(b, fractionDigits(b));
        expect(scaled(multiplyDecimals(a, b), scale)).toBe(product);
        expect(fractionDigits(multiplyDecimals(a, b))).toBe(scale);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('roundToCents', () => {
  it('rounds half up on the magnitude, so a negative amount rounds as its positive does', () => {
    expect(roundToCents('2.005')).toBe('2.01');
    expect(roundToCents('2.00499999')).toBe('2.00');
    expect(roundToCents('-2.005')).toBe('-2.01');
    expect(roundToCents('-2.004')).toBe('-2.00');
    expect(roundToCents('99999.995')).toBe('100000.00');
    expect(roundToCents('-0.001')).toBe('0.00');
  });

  it('pads what has fewer decimals and keeps digits a float would lose', () => {
    expect(roundToCents('12')).toBe('12.00');
    expect(roundToCents('0.5')).toBe('0.50');
    expect(roundToCents('9007199254740993.129')).toBe('9007199254740993.13');
    expect(roundDecimal('61.73143554', 4)).toBe('61.7314');
  });

  it('is never more than half a cent away, on any decimal', () => {
    fc.assert(
      fc.property(decimal, (v) => {
        const scale = Math.max(fractionDigits(v), 3);
        const error = scaled(roundToCents(v), scale) - scaled(v, scale);
        const half = 5n * 10n ** BigInt(scale - 3);
        expect(fractionDigits(roundToCents(v))).toBe(2);
        expect(error <= half && error >= -half).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('formatCompact', () => {
  it('gives a short form to read at a glance', () => {
    expect(formatCompact('793930579.315848', 'en')).toBe('793.93M');
  });
});
