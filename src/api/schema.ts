import { z } from 'zod';

/** A decimal as the upstream writes it: kept as the string, never turned into a float. */
export const decimalString = z
  .string({ error: 'expected a decimal string' })
  .regex(/^-?\d+(\.\d+)?$/, { error: 'expected a decimal string' });

export const assetBalanceSchema = z.object(
  {
    asset: z
      .string({ error: 'expected an asset name' })
      .min(1, { error: 'expected an asset name' }),
    marginBalance: decimalString,
    updateTime: z
      .number({ error: 'expected a time in milliseconds' })
      .int({ error: 'expected a time in milliseconds' })
      .nonnegative({ error: 'expected a time in milliseconds' }),
  },
  { error: 'expected a balance' },
);

export const poolSchema = z.object(
  {
    symbols: z.array(
      z.string({ error: 'expected a symbol' }).min(1, { error: 'expected a symbol' }),
      {
        error: 'expected a list of symbols',
      },
    ),
    assets: z.array(assetBalanceSchema, { error: 'expected a list of balances' }),
  },
  { error: 'expected a pool' },
);

export const poolListSchema = z.array(poolSchema, { error: 'expected a list of pools' });

export type AssetBalance = z.infer<typeof assetBalanceSchema>;
export type Pool = z.infer<typeof poolSchema>;

/** Names the first field that does not fit, as `[3].assets[0].marginBalance: expected a decimal string`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the answer does not fit the expected shape';
  const path = issue.path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
  return `${path || 'the answer'}: ${issue.message}`;
}
