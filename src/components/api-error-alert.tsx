import type { ApiError } from '../api/errors';
import { timeLeft, type NextAttempt } from '../api/refresh-timing';
import { formatCountdown } from '../lib/format-countdown';
import { useI18n, type I18n } from '../lib/i18n/i18n';
import { useNow } from '../lib/use-now';
import { Alert } from './alert';

/** Which field was wrong, or that the answer was not JSON at all, in the reader's language. */
function badResponseDetail(error: ApiError, { t }: I18n): string {
  if (error.issue) {
    const problem = t(`error.expected.${error.issue.expected}`);
    return t('error.detail.field', { path: error.issue.path || t('error.detail.answer'), problem });
  }
  if (error.status !== undefined) return t('error.detail.notJson', { status: error.status });
  return t('error.expected.shape');
}

/** Why the history could not be had, in words: never the server's or the parser's own message. */
function historyDetail(error: ApiError, i18n: I18n): string {
  const { t } = i18n;
  if (error.retryAt) return t('error.detail.retryAt', { time: i18n.formatClock(error.retryAt) });
  if (error.issue) return badResponseDetail(error, i18n);
  if (error.status !== undefined) return t('error.detail.status', { status: error.status });
  return t('error.detail.noAnswer');
}

/** What went wrong, in words. */
export function apiErrorText(error: ApiError, i18n: I18n): string {
  const { t } = i18n;
  switch (error.kind) {
    case 'invalid-symbol':
      return t('error.invalidSymbol', { symbol: error.symbol ?? '' });
    case 'rate-limited':
      return t('error.rateLimited');
    case 'banned':
      return t('error.banned');
    case 'unreachable':
      return t('error.unreachable');
    case 'timeout':
      return t('error.timeout');
    case 'bad-response':
      return t('error.badResponse', { detail: badResponseDetail(error, i18n) });
    case 'upstream':
      return t('error.upstream', { status: error.status ?? '?' });
    case 'not-recorded':
      return t('error.notRecorded', { symbol: error.symbol ?? '' });
    case 'history-unavailable':
      return t('error.historyUnavailable', { detail: historyDetail(error, i18n) });
    case 'empty-list':
      return t('error.emptyList');
  }
}

/** A wait under this is said as a countdown ("in 4 sec"), a longer one as a time of day. */
const COUNTDOWN_MS = 60_000;

/**
 * What the dashboard does next, by the schedule its own timer keeps (api/refresh-timing.ts): an
 * attempt under way, or the time of the next one; never a time that has gone by.
 */
export function nextText(error: ApiError, next: NextAttempt, now: number, i18n: I18n): string {
  const { t } = i18n;
  if (error.kind === 'invalid-symbol') return '';
  if (next.underway) return t('error.next.now');
  const paused = error.kind === 'rate-limited' || error.kind === 'banned';
  if (paused) return t('error.next.waits', { time: i18n.formatClock(next.at) });
  const left = timeLeft(next, now);
  const when =
    left < COUNTDOWN_MS
      ? t('error.next.in', { time: formatCountdown(left, i18n.lang) })
      : t('error.next.at', { time: i18n.formatClock(next.at) });
  return i18n.sentences(t('error.next.trying'), when);
}

/** What went wrong and what happens next; says so too when older data stays on screen. */
export function ApiErrorAlert({
  error,
  keptData,
  next,
}: {
  error: ApiError;
  keptData: boolean;
  next?: NextAttempt;
}) {
  const i18n = useI18n();
  const now = useNow();
  return (
    <Alert tone={keptData ? 'warning' : 'error'}>
      {i18n.sentences(
        apiErrorText(error, i18n),
        next ? nextText(error, next, now, i18n) : '',
        keptData ? i18n.t('error.keptData') : '',
      )}
    </Alert>
  );
}
