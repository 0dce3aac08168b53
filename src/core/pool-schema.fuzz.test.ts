import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeIssue, poolListSchema, poolSchema, type Pool } from './pool-schema.ts';
import { decimalStrings } from '../test/decimal-strings';

/** `[3].assets[0].marginBalance: expected a decimal string`, or `the answer: expected a list of pools`. */
const READABLE = /^(the answer|(\[\d+\]|\.?[a-zA-Z]+)+): expected [a-z ]+$/;

const decimal = decimalStrings(24, 18);

const symbol = fc.oneof(
  fc.stringMatching(/^[A-Z0-9]{2,12}USDT(_\d{6})?$/),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
);

const balance = fc.record({
  asset: fc.stringMatching(/^[A-Z0-9]{1,10}$/),
  marginBalance: decimal,
  updateTime: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
});

const pool: fc.Arbitrary<Pool> = fc.record({
  symbols: fc.array(symbol, { maxLength: 8 }),
  assets: fc.array(balance, { maxLength: 5 }),
});

const poolList = fc.array(pool, { maxLength: 6 });

type Json = unknown;
const DELETE = Symbol('delete');

/** Every place in a JSON tree, as a path of keys and indices. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value))
    return here.concat(value.flatMap((item, i) => pathsOf(item, [...prefix, i])));
  if (typeof value === 'object' && value !== null)
    return here.concat(
      Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key])),
    );
  return here;
}

/** A copy of `value` with the node at `path` replaced, or deleted when `replacement` is the marker. */
function mutate(value: Json, path: (string | number)[], replacement: Json | typeof DELETE): Json {
  if (path.length === 0) return replacement === DELETE ? undefined : replacement;
  const copy: Json = structuredClone(value);
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (replacement === DELETE) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = replacement;
  return copy;
}
/** What a run over generated input must hold: a typed value, or an error that names a field in words. */
function expectParsedOrReadable(schema: typeof poolListSchema | typeof poolSchema, input: Json) {
  let result: ReturnType<typeof schema.safeParse>;
  expect(() => {
    result = schema.safeParse(input);
  }).not.toThrow();
  if (result!.success) return result!.data;
  const message = describeIssue(result!.error);
  expect(message).toMatch(READABLE);
  expect(message).not.toMatch(/received|Invalid input|\[object/);
  return undefined;
}

describe('the response schema, fed generated answers', () => {
  it('accepts every well-formed answer and keeps each decimal string exactly as sent', () => {
    fc.assert(
      fc.property(poolList, (pools) => {
        const parsed = poolListSchema.safeParse(JSON.parse(JSON.stringify(pools)));
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(pools);
      }),
    );
  });

  it('ignores unknown fields the exchange may add, at any level', () => {
    const extra = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !['symbols', 'assets'].includes(k)),
      fc.jsonValue(),
      { maxKeys: 3 },
    );
    fc.assert(
      fc.property(poolList, extra, extra, (pools, poolExtra, balanceExtra) => {
        const widened = pools.map((p) => ({
          ...poolExtra,
          ...p,
          assets: p.assets.map((a) => ({ ...balanceExtra, ...a })),
        }));
        const parsed = poolListSchema.safeParse(widened);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(pools);
      }),
    );
  });

  it('answers any JSON value with a typed list or an error that names the field', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectParsedOrReadable(poolListSchema, value);
        expectParsedOrReadable(poolSchema, value);
      }),
      { numRuns: 500 },
    );
  });

  it('names the broken field when one node of a good answer is replaced or removed', () => {
    const broken = poolList
      .filter((pools) => pools.length > 0)
      .chain((pools) =>
        fc.tuple(
          fc.constant(pools),
          fc.constantFrom(...pathsOf(pools)),
          fc.oneof(fc.jsonValue(), fc.constant(DELETE)),
        ),
      );
    fc.assert(
      fc.property(broken, ([pools, path, replacement]) => {
        const input = mutate(pools, path, replacement);
        if (expectParsedOrReadable(poolListSchema, input) !== undefined) return;
        const named = describeIssue(poolListSchema.safeParse(input).error!).split(':')[0]!;
        const target = path
          .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${part}`))
          .join('');
        // The field named is the node that was changed, or lies inside it.
        expect(named === 'the answer' ? '' : named).toContain(target);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses balances written as numbers, exponents or words, naming the field', () => {
    for (const marginBalance of [793930579.31, '1e9', 'NaN', '', ' 1', '1.', '.5', '0x10', null]) {
      const parsed = poolSchema.safeParse({
        symbols: ['BTCUSDT'],
        assets: [{ asset: 'USDT', marginBalance, updateTime: 1 }],
      });
      expect(parsed.success, String(marginBalance)).toBe(false);
      expect(describeIssue(parsed.error!)).toBe(
        'assets[0].marginBalance: expected a decimal string',
      );
    }
  });
});
