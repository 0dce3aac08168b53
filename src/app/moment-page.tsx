import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { isApiError } from '../api/errors';
import { fetchEvents, historyKeys } from '../api/history';
import { momentQueryOptions, useMoment, useMomentRange } from '../api/moment';
import { poolsQueryOptions } from '../api/queries';
import { Alert } from '../components/alert';
import { AppTitle } from '../components/app-title';
import { DemoBadge } from '../components/demo-badge';
import { ErrorBoundary } from '../components/error-boundary';
import { ValuationContext } from '../components/valuation-context';
import { momentChanges } from '../core/moment-change';
import { indexMap } from '../core/valuation';
import { MomentExport } from '../features/export/moment-export';
import { MomentBanner } from '../features/moments/moment-banner';
import { MomentIgnoredNote } from '../features/moments/moment-ignored';
import { MomentPicker, type ChooseMoment } from '../features/moments/moment-picker';
import { momentSortOf } from '../features/moments/moment-sort';
import { recordingNote } from '../features/moments/recording-note';
import { MomentSummary } from '../features/moments/moment-summary';
import { MomentTable } from '../features/moments/moment-table';
import { SettingsBar } from '../features/settings/settings-bar';
import { loadLaterTexts } from '../lib/i18n/catalogues';
import { useI18n } from '../lib/i18n/i18n';
import { createValuation } from '../core/pool-figures';
import { withParams, type UrlState } from '../lib/url-state';
import type { Navigate } from '../lib/use-url-state';

/** The pool list is asked once, for the demo badge: nothing of a past moment refreshes. */
const ONCE = { refreshMs: 3_600_000, inBackground: false };
/** The recorded changes marked on the slider: the newest this many of the whole range. */
const MAX_EVENTS_ASKED = 1_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * `?at=`: the overview as it was recorded at a past moment, and with `?vs=` each balance's change
 * since an earlier one. Nothing here refreshes (what was recorded does not change), and nothing
 * claims to be live: the banner says which moment it is and leads back to live.
 */
export function MomentPage({
  url,
  at,
  navigate,
}: {
  url: UrlState;
  at: number;
  navigate: Navigate;
}) {
  const i18n = useI18n();
  useEffect(() => void loadLaterTexts(), []);
  const live = useQuery({ ...poolsQueryOptions(ONCE), refetchInterval: false });
  const moment = useMoment(at);
  const then = useMoment(url.vs);
  const range = useMomentRange();
  const first = range.data?.data.first;
  const last = range.data?.data.last;
  const events = useQuery({
    queryKey: historyKeys.events({ from: first, to: last, limit: MAX_EVENTS_ASKED }),
    queryFn: ({ signal }) =>
      fetchEvents({ from: first, to: last, limit: MAX_EVENTS_ASKED }, signal),
    enabled: first !== undefined,
    staleTime: 60_000,
  });
  const notFound = isApiError(moment.error) && moment.error.status === 404;
  const vsNotFound = url.vs !== undefined && isApiError(then.error) && then.error.status === 404;
  // Before the first recording, the first one is the nearest: shown (or compared with), and said
  // to be so.
  const nearest = useMoment(notFound || vsNotFound ? first : undefined);
  const answer = notFound ? nearest.data?.data : moment.data?.data;
  const current = answer?.at === at ? answer : undefined;
  const vsAnswer =
    url.vs === undefined
      ? undefined
      : vsNotFound
        ? nearest.data?.data.at === first
          ? nearest.data?.data
          : undefined
        : then.data?.data.at === url.vs
          ? then.data.data
          : undefined;
  const vsNote = url.vs === undefined ? undefined : recordingNote(url.vs, vsAnswer, vsNotFound);
  const index = useMemo(() => (answer?.index ? indexMap(answer.index) : undefined), [answer]);
  const vsIndex = useMemo(
    () => (vsAnswer?.index ? indexMap(vsAnswer.index) : undefined),
    [vsAnswer],
  );
  const valuation = useMemo(() => createValuation({ index, lowUsd: url.low }), [index, url.low]);
  const changes = useMemo(
    () => (answer && vsAnswer ? momentChanges(answer.answer, vsAnswer.answer) : undefined),
    [answer, vsAnswer],
  );
  // The slider's keys step an hour or a day: those moments are asked for ahead, once this one is in.
  const client = useQueryClient();
  const loaded = current !== undefined;
  useEffect(() => {
    if (!loaded) return;
    const last = range.data?.data.last ?? at;
    for (const step of [-DAY, -HOUR, HOUR, DAY]) {
      const next = at + step;
      if (next <= last && (first === undefined || next >= first))
        void client.prefetchQuery(momentQueryOptions(next));
    }
  }, [loaded, at, client, first, range.data]);
  const choose = useCallback<ChooseMoment>((patch, mode) => navigate(patch, mode), [navigate]);
  const toLive = useCallback(
    () => navigate({ at: undefined, vs: undefined, sort: undefined, dir: undefined }, 'push'),
    [navigate],
  );
  // A pool's link opens its symbol's live view, in the language and theme of this page.
  const hrefOf = useCallback(
    (symbol: string) => withParams('', { symbol, lang: url.lang, theme: url.theme }),
    [url.lang, url.theme],
  );
  const sort = momentSortOf(url.sort, url.sortVs);
  const onSort = useCallback(
    (s: string, dir: 'asc' | 'desc') => navigate({ sort: s, dir }, 'replace'),
    [navigate],
  );
  const regrouped = changes ? [...changes.values()].filter((c) => c.regrouped).length : 0;

  return (
    <div className="mx-auto max-w-[100rem] px-4 py-6">
      <header className="flex flex-wrap items-center gap-4 border-b border-[var(--border)] pb-4">
        <AppTitle />
        {live.data?.demo ? <DemoBadge /> : null}
        <span
          data-testid="freshness"
          data-state="recorded"
          className="ml-auto rounded-full border border-[var(--warn-border)] px-3 py-0.5 text-sm font-semibold"
        >
          {i18n.t('moment.badge')}
        </span>
        <ErrorBoundary name="settings">
          <SettingsBar lang={i18n.lang} theme={url.theme} navigate={navigate} />
        </ErrorBoundary>
      </header>
      <main className="mt-6 space-y-6">
        <MomentIgnoredNote url={url} />
        <MomentBanner at={at} answer={current} vs={vsNote} onLive={toLive} />
        <ErrorBoundary name="moment-picker">
          <MomentPicker
            at={at}
            vs={url.vs}
            range={range.data?.data}
            events={events.data?.data.events ?? []}
            choose={choose}
          />
        </ErrorBoundary>
        {notFound ? (
          <Alert tone="warning">
            {i18n.t('moment.before', {
              utc: i18n.formatUtc(at),
              first: first === undefined ? '—' : i18n.formatUtc(first),
            })}
          </Alert>
        ) : null}
        {moment.error && !notFound && !answer ? (
          <Alert>
            {i18n.t('moment.failed', {
              detail: isApiError(moment.error)
                ? `HTTP ${moment.error.status ?? '—'}`
                : i18n.t('error.detail.noAnswer'),
            })}
          </Alert>
        ) : !answer ? (
          <p role="status" className="text-[var(--muted)]">
            {i18n.t('moment.loading')}
          </p>
        ) : (
          <ValuationContext value={valuation}>
            <ErrorBoundary name="moment-summary">
              <MomentSummary
                at={answer.observedAt}
                pools={answer.answer}
                index={index}
                vs={
                  vsAnswer
                    ? { at: vsAnswer.observedAt, pools: vsAnswer.answer, index: vsIndex }
                    : undefined
                }
                regrouped={regrouped}
              />
            </ErrorBoundary>
            <ErrorBoundary name="moment-pools">
              <MomentTable
                pools={answer.answer}
                at={answer.observedAt}
                vs={vsAnswer ? vsAnswer.observedAt : undefined}
                changes={changes}
                sort={sort === 'changeVs' && !changes ? 'value' : sort}
                dir={url.dir}
                asset={url.asset}
                onSort={onSort}
                hrefOf={hrefOf}
              />
            </ErrorBoundary>
            <ErrorBoundary name="moment-export">
              <MomentExport moment={answer} demo={live.data?.demo ?? false} />
            </ErrorBoundary>
          </ValuationContext>
        )}
      </main>
    </div>
  );
}
