import { describe, expect, it } from 'vitest';
import { documentedPool, documentedPools } from '../test/documented-answers';
import { describeIssue, poolListSchema, poolSchema } from './pool-schema.ts';

const withSymbol = documentedPool;
const withoutSymbol = documentedPools;

function issueOf(schema: typeof poolSchema | typeof poolListSchema, value: unknown): string {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be refused');
  return describeIssue(result.error);
}

describe('the response schema', () => {
  it('accepts both documented answers and keeps every balance as the exact string', () => {
    expect(poolSchema.parse(withSymbol)).toEqual(withSymbol);
    const pools = poolListSchema.parse(withoutSymbol);
    expect(pools[0]!.assets[0]!.marginBalance).toBe('314151411.06482935');
    expect(pools).toHaveLength(2);
  });

  it('tolerates fields it does not know', () => {
    const extended = {
      ...withSymbol,
      poolId: 7,
      assets: [{ ...withSymbol.assets[0], walletBalance: '1' }],
    };
    expect(poolSchema.parse(extended).assets[0]!.marginBalance).toBe('299999998.6497832');
  });

  it('names the field that is missing or of the wrong type', () => {
    const numeric = [
      withoutSymbol[0],
      {
        ...withoutSymbol[1],
        assets: [{ asset: 'USDT', marginBalance: 5166686.84431694, updateTime: 1 }],
      },
    ];
    expect(issueOf(poolListSchema, numeric)).toBe(
      '[1].assets[0].marginBalance: expected a decimal string',
    );
    const missing = { ...withSymbol, assets: [{ asset: 'USDT', marginBalance: '1' }] };
    expect(issueOf(poolSchema, missing)).toBe(
      'assets[0].updateTime: expected a time in milliseconds',
    );
    expect(issueOf(poolSchema, { assets: [] })).toBe('symbols: expected a list of symbols');
  });

  it('refuses numbers that are not plain decimals and answers of the wrong shape', () => {
    for (const bad of ['1e9', 'NaN', '', ' 1', '1,000.5', '0x10']) {
      const pool = {
        ...withSymbol,
        assets: [{ asset: 'USDT', marginBalance: bad, updateTime: 1 }],
      };
      expect(issueOf(poolSchema, pool), bad).toMatch(/marginBalance: expected a decimal string/);
    }
    expect(issueOf(poolListSchema, withSymbol)).toBe('the answer: expected a list of pools');
  });
});
