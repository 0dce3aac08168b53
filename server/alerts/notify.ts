/**
 * What a notification says: one sentence in words, the link to the view, and the two formats a
 * webhook takes (`json`, and `slack`'s `{"text"}` that Slack, Mattermost and Discord read).
 */
import { relativeChange } from '../../src/core/decimal.ts';
import type { Episode, EpisodeInput } from './alert-store.ts';
import type { Condition } from './judge.ts';
import type { Webhook } from './rules.ts';

/** The view of the alert: the pool's symbol view, or the overview. */
export function viewUrl(dashboardUrl: string | undefined, symbol: string | null): string {
  const base = dashboardUrl ?? '/';
  if (!symbol) return base;
  const url = new URL(base, 'http://relative.invalid');
  url.searchParams.set('symbol', symbol);
  return dashboardUrl ? url.href : `${url.pathname}${url.search}`;
}

function percentFall(reference: string, value: string): string {
  const rel = relativeChange(reference, value);
  return rel === undefined ? '' : ` (${(-rel * 100).toFixed(2)} %)`;
}

const what = (c: { pool: { name: string; symbols: readonly string[] } }) =>
  c.pool.symbols.length > 0 ? `the ${c.pool.name} pool` : c.pool.name;

/** The sentence sent when the condition begins. */
export function firingSummary(c: Condition, at: number): string {
  switch (c.kind) {
    case 'fall':
      return `The ${c.asset} balance of ${what(c)} fell to ${c.value} from its high of ${c.reference}${percentFall(c.reference!, c.value!)}, at least ${c.detail}.`;
    case 'below':
      return c.asset
        ? `The ${c.asset} balance of ${what(c)} is ${c.value}, under ${c.reference} ${c.asset}.`
        : `${capital(what(c))} is worth about $${c.value}, under $${c.reference}.`;
    case 'adl':
      return `${c.symbol} is rated ${c.detail} for auto-deleveraging (ADL) risk.`;
    case 'regrouped':
      return `The members of ${what(c)} changed: it now holds ${c.pool.symbols.length} symbols.`;
    case 'stale':
      return `No new snapshot of the insurance funds was recorded for ${c.detail} (checked ${new Date(at).toISOString()}).`;
  }
}

/** The sentence sent when it ends. */
export function resolvedSummary(e: Episode): string {
  const c = { pool: { name: e.poolName, symbols: e.symbols } };
  switch (e.kind) {
    case 'fall':
      return `The ${e.asset} balance of ${what(c)} is no longer that far below its high.`;
    case 'below':
      return `${capital(what(c))} is back at or above ${e.asset ? `${e.reference} ${e.asset}` : `$${e.reference}`}.`;
    case 'adl':
      return `${e.symbol} is no longer rated that high for ADL risk.`;
    case 'regrouped':
      return `The regrouping of ${what(c)} is settled.`;
    default:
      return 'Snapshots of the insurance funds are recorded again.';
  }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The episode a condition opens. */
export function episodeOf(
  c: Condition,
  at: number,
  dashboardUrl: string | undefined,
): EpisodeInput {
  const symbol = c.symbol ?? (c.pool.key ? (c.pool.symbols[0] ?? null) : null);
  return {
    rule: c.rule,
    subject: c.subject,
    kind: c.kind,
    poolName: c.pool.name,
    symbols: c.pool.symbols,
    symbol: c.symbol,
    asset: c.asset,
    value: c.value,
    reference: c.reference,
    startsAt: at,
    summary: firingSummary(c, at),
    url: viewUrl(dashboardUrl, symbol),
  };
}

export interface JsonNotification {
  status: 'firing' | 'resolved';
  id: string;
  rule: string;
  kind: string;
  pool: { name: string; symbols: string[] };
  symbol: string | null;
  asset: string | null;
  value: string | null;
  reference: string | null;
  startsAt: string;
  endsAt: string | null;
  summary: string;
  url: string;
}

export function jsonNotification(e: Episode, status: 'firing' | 'resolved'): JsonNotification {
  const resolved = status === 'resolved';
  return {
    status,
    id: String(e.id),
    rule: e.rule,
    kind: e.kind,
    pool: { name: e.poolName, symbols: e.symbols },
    symbol: e.symbol,
    asset: e.asset,
    value: e.value,
    reference: e.reference,
    startsAt: new Date(e.startsAt).toISOString(),
    endsAt: resolved && e.endsAt !== null ? new Date(e.endsAt).toISOString() : null,
    summary: resolved ? (e.endSummary ?? resolvedSummary(e)) : e.summary,
    url: e.url,
  };
}

/** The body posted to a webhook of this format. */
export function notificationBody(
  format: Webhook['format'],
  e: Episode,
  status: 'firing' | 'resolved',
): string {
  const n = jsonNotification(e, status);
  if (format === 'json') return JSON.stringify(n);
  const mark = status === 'firing' ? ':rotating_light: FIRING' : ':white_check_mark: RESOLVED';
  return JSON.stringify({
    text: `${mark} · ${n.rule}: ${n.summary} <${n.url}|Open the dashboard>`,
  });
}
