import * as z from 'zod/mini';

/** What a field should have been; each has words in the catalogues (`error.expected.*`). */
export const EXPECTED = {
  decimal: 'expected a decimal string',
  time: 'expected a time in milliseconds',
  asset: 'expected an asset name',
  balance: 'expected a balance',
  balances: 'expected a list of balances',
  symbol: 'expected a symbol',
  symbols: 'expected a list of symbols',
  pool: 'expected a pool',
  pools: 'expected a list of pools',
  shape: 'the answer does not fit the expected shape',
} as const;
export type Expected = keyof typeof EXPECTED;

/** The first field of an answer that does not fit: its path (empty for the answer itself) and what it should be. */
export interface SchemaIssue {
  path: string;
  expected: Expected;
}

/** A decimal as the upstream writes it: kept as the string, never turned into a float. */
export const decimalString = z
  .string({ error: 'decimal' })
  .check(z.regex(/^-?\d+(\.\d+)?$/, { error: 'decimal' }));

export const assetBalanceSchema = z.object(
  {
    asset: z.string({ error: 'asset' }).check(z.minLength(1, { error: 'asset' })),
    marginBalance: decimalString,
    updateTime: z.int({ error: 'time' }).check(z.nonnegative({ error: 'time' })),
  },
  { error: 'balance' },
);

export const poolSchema = z.object(
  {
    symbols: z.array(z.string({ error: 'symbol' }).check(z.minLength(1, { error: 'symbol' })), {
      error: 'symbols',
    }),
    assets: z.array(assetBalanceSchema, { error: 'balances' }),
  },
  { error: 'pool' },
);

export const poolListSchema = z.array(poolSchema, { error: 'pools' });

export type AssetBalance = z.infer<typeof assetBalanceSchema>;
export type Pool = z.infer<typeof poolSchema>;

export function firstIssue(error: z.core.$ZodError): SchemaIssue {
  const issue = error.issues[0];
  if (!issue) return { path: '', expected: 'shape' };
  const path = issue.path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
  const expected = issue.message in EXPECTED ? (issue.message as Expected) : 'shape';
  return { path, expected };
}

/** Names the first field that does not fit, as `[3].assets[0].marginBalance: expected a decimal string`. */
export function describeIssue(error: z.core.$ZodError): string {
  const { path, expected } = firstIssue(error);
  return `${path || 'the answer'}: ${EXPECTED[expected]}`;
}
