import * as z from 'zod/mini';

/**
 * `GET /api/alerts`: the rules the server watches, the alerts active now and those of the last
 * 7 days with their delivery state. It carries no path and no webhook URL: those are the
 * operator's secrets.
 */
export const ALERT_KINDS = ['fall', 'below', 'adl', 'regrouped', 'stale'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const alertRuleViewSchema = z.object({
  name: z.string(),
  kind: z.enum(ALERT_KINDS),
  /** What the rule watches, in words (English; the page words it again from the fields). */
  watches: z.string(),
  symbol: z.nullable(z.string()),
  asset: z.nullable(z.string()),
  /** The rule's figures as the file gives them (`percent`, `within`, `usd`, `balance`, `level`, `minutes`). */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type AlertRuleView = z.infer<typeof alertRuleViewSchema>;

export const DELIVERY_STATES = ['sent', 'pending', 'failed', 'none'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const alertViewSchema = z.object({
  id: z.string(),
  rule: z.string(),
  kind: z.enum(ALERT_KINDS),
  pool: z.object({ name: z.string(), symbols: z.array(z.string()) }),
  symbol: z.nullable(z.string()),
  asset: z.nullable(z.string()),
  value: z.nullable(z.string()),
  reference: z.nullable(z.string()),
  startsAt: z.number(),
  endsAt: z.nullable(z.number()),
  summary: z.string(),
  /** How its notifications fared: every webhook answered, some wait for a retry, some gave up. */
  delivery: z.enum(DELIVERY_STATES),
});
export type AlertView = z.infer<typeof alertViewSchema>;

export const alertsAnswerSchema = z.object({
  rules: z.array(alertRuleViewSchema),
  active: z.array(alertViewSchema),
  recent: z.array(alertViewSchema),
  /** The rules file could not be used: the field at fault and what is wrong, never its path. */
  problem: z.optional(z.nullable(z.object({ field: z.string(), message: z.string() }))),
});
export type AlertsAnswer = z.infer<typeof alertsAnswerSchema>;

/** The path of the answer above. */
export const ALERTS_PATH = '/api/alerts';
