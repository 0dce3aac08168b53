/**
 * The alert rules file (`ALERTS_FILE`, JSON): where notifications go and what is watched. Read
 * and checked with zod; a file that cannot be used is described by the field at fault, never by
 * its path or a webhook URL (the operator's secrets).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as z from 'zod';
import { CHANGE_WINDOWS } from '../../src/core/history.ts';

export const DEFAULT_ALERTS_FILE = 'alerts.json';

const name = z.string().trim().min(1, 'needs a name').max(80, 'is longer than 80 characters');
const symbol = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .transform((s) => s.replace(/[a-z]/g, (c) => c.toUpperCase()));
const asset = z.string().trim().min(1).max(20);
/** A positive amount written as a plain number (a decimal string is built from it exactly). */
const amount = z
  .number()
  .positive('must be above 0')
  .refine((n) => /^\d+(\.\d+)?$/.test(String(n)), 'must be a plain decimal number');

/** `1h`, `24h`, `7d` (the change windows of the overview) or minutes as `90m`. */
export const windowSchema = z
  .string()
  .regex(/^(1h|24h|7d|[1-9]\d{0,4}m)$/, 'must be 1h, 24h, 7d or minutes such as 90m');

export function windowMs(within: string): number {
  if (within in CHANGE_WINDOWS) return CHANGE_WINDOWS[within as keyof typeof CHANGE_WINDOWS];
  return Number(within.slice(0, -1)) * 60_000;
}

const base = { name };
const ruleSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      ...base,
      kind: z.literal('fall'),
      symbol: symbol.optional(),
      asset: asset.optional(),
      percent: amount.refine((n) => n < 100, 'must be below 100'),
      within: windowSchema,
    }),
    z
      .strictObject({
        ...base,
        kind: z.literal('below'),
        usd: amount.optional(),
        asset: asset.optional(),
        balance: amount.optional(),
      })
      .refine((r) => (r.usd === undefined) !== (r.balance === undefined), {
        message: 'needs either usd, or asset and balance',
        path: ['usd'],
      })
      .refine((r) => (r.balance === undefined) === (r.asset === undefined), {
        message: 'balance and asset go together',
        path: ['balance'],
      }),
    z.strictObject({
      ...base,
      kind: z.literal('adl'),
      symbol: symbol.optional(),
      level: z.enum(['low', 'medium', 'high']),
    }),
    z.strictObject({ ...base, kind: z.literal('regrouped') }),
    z.strictObject({
      ...base,
      kind: z.literal('stale'),
      minutes: z.number().int('must be whole minutes').min(1).max(10_080),
    }),
  ],
  { error: 'kind must be fall, below, adl, regrouped or stale' },
);

const webhookSchema = z.strictObject({
  name,
  url: z
    .string()
    .refine(
      (u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol),
      'must be an http(s) URL',
    ),
  format: z.enum(['json', 'slack'], { error: 'must be "json" or "slack"' }),
});

export const alertsFileSchema = z
  .strictObject({
    dashboardUrl: z
      .string()
      .refine(
        (u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol),
        'must be an http(s) URL',
      )
      .optional(),
    webhooks: z.array(webhookSchema).max(20).default([]),
    rules: z.array(ruleSchema).max(200),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.rules.forEach((r, i) => {
      if (seen.has(r.name))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'name'], message: 'is used twice' });
      seen.add(r.name);
    });
    const hooks = new Set<string>();
    file.webhooks.forEach((w, i) => {
      if (hooks.has(w.name))
        ctx.addIssue({ code: 'custom', path: ['webhooks', i, 'name'], message: 'is used twice' });
      hooks.add(w.name);
    });
  });

export type AlertsFile = z.infer<typeof alertsFileSchema>;
export type AlertRule = AlertsFile['rules'][number];
export type Webhook = AlertsFile['webhooks'][number];

/** What is wrong with a file: the field (`rules[2].percent`) and the words, never a value from it. */
export interface RulesProblem {
  field: string;
  message: string;
}

export type RulesLoad =
  { kind: 'none' } | { kind: 'ok'; file: AlertsFile } | { kind: 'bad'; problem: RulesProblem };

function fieldOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(the file)';
}

/** Checks a parsed JSON value; the first issue named by its field. */
export function checkAlertsFile(value: unknown): RulesLoad {
  const parsed = alertsFileSchema.safeParse(value);
  if (parsed.success) return { kind: 'ok', file: parsed.data };
  const issue = parsed.error.issues[0]!;
  const message =
    issue.code === 'unrecognized_keys'
      ? `has a field this server does not know: ${issue.keys.map((k) => k.slice(0, 40)).join(', ')}`
      : issue.code === 'invalid_type' && issue.input === undefined
        ? 'is missing'
        : issue.code === 'invalid_union' && !issue.path.length
          ? issue.message
          : issue.message.replace(/^Invalid input: /, '');
  return { kind: 'bad', problem: { field: fieldOf(issue.path), message } };
}

/** Reads the text of a rules file; JSON that does not parse is a problem of the whole file. */
export function parseAlertsText(text: string): RulesLoad {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'bad', problem: { field: '(the file)', message: 'is not valid JSON' } };
  }
  return checkAlertsFile(value);
}

/** Where the rules are when `ALERTS_FILE` is unset: `alerts.json` where it exists, else none. */
export function defaultAlertsFile(): string | undefined {
  return existsSync(DEFAULT_ALERTS_FILE) ? DEFAULT_ALERTS_FILE : undefined;
}

/** Reads and checks the file at `path`; never throws. */
export function loadAlertsFile(path: string | undefined): RulesLoad {
  if (!path) return { kind: 'none' };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    return { kind: 'bad', problem: { field: '(the file)', message: why } };
  }
  return parseAlertsText(text);
}
