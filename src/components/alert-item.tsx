import type { AlertRuleView, AlertView } from '../core/alerts';
import { formatExact } from '../core/decimal';
import type { I18n } from '../lib/i18n/i18n';
import { useI18n } from '../lib/i18n/i18n';

function figure(value: string, i18n: I18n): string {
  try {
    return formatExact(value, i18n.lang);
  } catch {
    return value;
  }
}

/** What a rule watches, in the page's language, from its figures. */
export function ruleWatches(rule: AlertRuleView, i18n: I18n): string {
  const p = rule.params;
  switch (rule.kind) {
    case 'fall':
      return i18n.t('alerts.watch.fall', {
        asset: rule.asset ?? i18n.t('alerts.anyAsset'),
        scope: rule.symbol
          ? i18n.t('alerts.poolOf', { symbol: rule.symbol })
          : i18n.t('alerts.everyPool'),
        percent: p.percent ?? '',
        within: p.within ?? '',
      });
    case 'below':
      return p.usd !== undefined
        ? i18n.t('alerts.watch.belowUsd', { usd: p.usd })
        : i18n.t('alerts.watch.belowBalance', {
            asset: rule.asset ?? '',
            balance: p.balance ?? '',
          });
    case 'adl':
      return i18n.t('alerts.watch.adl', {
        symbol: rule.symbol ?? i18n.t('alerts.anySymbol'),
        level: p.level ?? '',
      });
    case 'regrouped':
      return i18n.t('alerts.watch.regrouped');
    case 'stale':
      return i18n.t('alerts.watch.stale', { minutes: p.minutes ?? '' });
  }
}

/**
 * One alert: its rule, the pool it concerns with every member symbol as text, the figures it
 * fired on, when, and how its notifications fared. `firing`: an active alert, with the page hook
 * `[data-testid="alert"][data-state="firing"][data-rule]`.
 */
export function AlertItem({ alert, firing }: { alert: AlertView; firing: boolean }) {
  const i18n = useI18n();
  const when =
    alert.endsAt === null
      ? i18n.t('alerts.since', { time: i18n.formatUtc(alert.startsAt) })
      : i18n.t('alerts.span', {
          from: i18n.formatUtc(alert.startsAt),
          to: i18n.formatUtc(alert.endsAt),
        });
  const symbols = alert.pool.symbols.join(' ');
  return (
    <li
      data-testid={firing ? 'alert' : 'alert-past'}
      data-state={alert.endsAt === null ? 'firing' : 'resolved'}
      data-rule={alert.rule}
      data-kind={alert.kind}
      className="min-w-0 py-1"
      title={alert.summary}
    >
      <strong>{alert.rule}</strong>
      <span className="text-[var(--muted)]"> · {i18n.t(`alerts.kind.${alert.kind}`)}</span>
      {alert.pool.symbols.length > 0 ? (
        <>
          {' · '}
          <span className="font-medium">{alert.pool.name}</span>{' '}
          <span className="inline-block max-w-full truncate align-bottom text-xs text-[var(--muted)]">
            {symbols}
          </span>
        </>
      ) : null}
      {alert.value !== null && alert.reference !== null ? (
        <span className="tabular-nums">
          {' · '}
          {i18n.t('alerts.figures', {
            value: `${figure(alert.value, i18n)}${alert.asset ? ` ${alert.asset}` : ''}`,
            reference: figure(alert.reference, i18n),
          })}
        </span>
      ) : null}
      <span className="text-[var(--muted)]">
        {' · '}
        {when} · {i18n.t(`alerts.delivery.${alert.delivery}`)}
      </span>
    </li>
  );
}
