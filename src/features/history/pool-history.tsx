import { Suspense, useMemo } from 'react';
import type { RefreshPolicy } from '../../api/refresh-timing';
import { AdlBand } from '../../components/adl-band';
import { Alert } from '../../components/alert';
import { ApiErrorAlert, apiErrorText } from '../../components/api-error-alert';
import { ErrorBoundary } from '../../components/error-boundary';
import { ScaleToggle } from '../../components/scale-toggle';
import { useI18n } from '../../lib/i18n/i18n';
import { useAfterPaint } from '../../lib/use-after-paint';
import type { Range, Scale } from '../../lib/url-state';
import type { Navigate } from '../../lib/use-url-state';
import { HistoryExportButtons } from './history-export-buttons';
import { gapsOf, regroupingsOf } from './history-gaps';
import { HistoryNotes } from './history-notes';
import { LazyHistoryCharts } from './lazy-history-charts';
import { RangeLinks } from './range-links';
import type { SymbolHistory } from './use-symbol-history';

export interface PoolHistoryProps {
  /** Already normalised (core/symbol). */
  symbol: string;
  range: Range;
  /** The link's `range=` when it names no range (`UrlState.rangeIgnored`). */
  rangeIgnored?: string | undefined;
  /** The value axis: `linear`, fitted to each series' own range, unless the link names `scale=log`. */
  scale: Scale;
  policy: RefreshPolicy;
  /** The figures come from the demo upstream: the files say so. */
  demo: boolean;
  /** No pool of the list holds the symbol: without a history of its own there is nothing to show. */
  unlisted?: boolean;
  navigate: Navigate;
}

/**
 * The history of the symbol's pool below its heading: range links, the charts (Recharts, in a
 * chunk of their own, loaded once the answer is on the page), what they mark in words, and the
 * files of the range. Handed the answer by its section (history-section.tsx), which asks for it.
 */
export function HistoryBody({
  symbol,
  range,
  rangeIgnored,
  scale,
  demo,
  navigate,
  history,
}: Omit<PoolHistoryProps, 'policy'> & { history: SymbolHistory }) {
  const i18n = useI18n();
  const { data, error, previous, pending } = history;
  const marks = useMemo(
    () => (data ? { gaps: gapsOf(data), regroupings: regroupingsOf(data) } : undefined),
    [data],
  );
  const painted = useAfterPaint(data !== undefined);
  const empty = data !== undefined && data.series.every((s) => s.points.length === 0);
  const loading = <p className="text-sm text-[var(--muted)]">{i18n.t('history.chartsLoading')}</p>;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <RangeLinks range={range} ignored={rangeIgnored} navigate={navigate} />
        <ScaleToggle scale={scale} onChange={(s) => navigate({ scale: s }, 'replace')} />
      </div>
      {error?.kind === 'not-recorded' ? (
        <Alert tone="warning">
          {i18n.sentences(apiErrorText(error, i18n), i18n.t('history.notRecordedHint'))}
        </Alert>
      ) : error ? (
        <ApiErrorAlert error={error} keptData={data !== undefined} />
      ) : pending ? (
        <p role="status" className="text-[var(--muted)]">
          {i18n.t('history.loading', { symbol })}
        </p>
      ) : null}
      {previous ? (
        <p role="status" className="text-sm text-[var(--muted)]">
          {i18n.t('history.previous')}
        </p>
      ) : null}
      {data && marks && error?.kind !== 'not-recorded' ? (
        <>
          <p className="text-sm tabular-nums text-[var(--muted)]">
            {i18n.t('history.span', {
              from: i18n.formatUtc(data.from),
              to: i18n.formatUtc(data.to),
            })}
          </p>
          <HistoryNotes
            symbol={symbol}
            gaps={marks.gaps}
            regroupings={marks.regroupings}
            thinned={data.thinned === true}
            navigate={navigate}
          />
          {empty ? (
            <Alert tone="warning">{i18n.t('history.empty')}</Alert>
          ) : (
            <ErrorBoundary name="history charts">
              {painted ? (
                <Suspense fallback={loading}>
                  <LazyHistoryCharts answer={data} marks={marks} scale={scale} />
                </Suspense>
              ) : (
                loading
              )}
            </ErrorBoundary>
          )}
          <AdlBand symbol={symbol} from={data.from} to={data.to} refreshMs={60_000} />
          <HistoryExportButtons answer={data} range={range} demo={demo} />
        </>
      ) : null}
    </>
  );
}
