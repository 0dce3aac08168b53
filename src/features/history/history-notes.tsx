import { formatDuration } from '../../lib/duration';
import { useI18n } from '../../lib/i18n/i18n';
import type { Navigate } from '../../lib/use-url-state';
import type { Interval, Regrouping } from './history-gaps';
import { PoolRef } from './pool-ref';
import { richText } from '../../components/rich-text';

interface Props {
  symbol: string;
  gaps: readonly Interval[];
  regroupings: readonly Regrouping[];
  thinned: boolean;
  navigate: Navigate;
}

/** In words, what the charts mark: each change of the symbol's pool, each gap in the record. */
export function HistoryNotes({ symbol, gaps, regroupings, thinned, navigate }: Props) {
  const i18n = useI18n();
  if (regroupings.length === 0 && gaps.length === 0 && !thinned) return null;
  return (
    <ul className="space-y-1 text-sm">
      {regroupings.map((r) => (
        <li key={`r${r.at}`} data-testid="regrouping" data-at={r.at}>
          <span
            aria-hidden="true"
            className="mr-2 inline-block h-3 w-0 border-l-2 border-dashed border-[var(--chart-bar-highlight)] align-middle"
          />
          {richText(i18n.t('history.regrouping'), {
            time: <time dateTime={new Date(r.at).toISOString()}>{i18n.formatUtc(r.at)}</time>,
            symbol: <span className="font-mono font-semibold">{symbol}</span>,
            from: <PoolRef symbols={r.before.symbols} navigate={navigate} />,
            to: <PoolRef symbols={r.after.symbols} via={symbol} navigate={navigate} />,
          })}
        </li>
      ))}
      {gaps.map((g) => (
        <li key={`g${g.from}`} data-testid="history-gap" data-from={g.from} data-to={g.to}>
          <span
            aria-hidden="true"
            className="mr-2 inline-block h-3 w-3 bg-[var(--chart-grid)] align-middle"
          />
          {i18n.t('history.gap', {
            from: i18n.formatUtc(g.from),
            to: i18n.formatUtc(g.to),
            duration: formatDuration(g.to - g.from, i18n.lang),
          })}
        </li>
      ))}
      {thinned ? <li className="text-[var(--muted)]">{i18n.t('history.thinned')}</li> : null}
    </ul>
  );
}
