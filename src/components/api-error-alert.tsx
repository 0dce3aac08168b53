import type { ApiError } from '../api/errors';
import { useI18n, type I18n } from '../lib/i18n/i18n';
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
function historyDetail(error: ApiError, i18n: I18n, time: string): string {
  const { t } = i18n;
  if (error.retryAt) return t('error.detail.retryAt', { time });
  if (error.issue) return badResponseDetail(error, i18n);
  if (error.status !== undefined) return t('error.detail.status', { status: error.status });
  return t('error.detail.noAnswer');
}

export function apiErrorText(error: ApiError, i18n: I18n): string {
  const { t } = i18n;
  const time = error.retryAt ? i18n.formatClock(error.retryAt) : '';
  switch (error.kind) {
    case 'invalid-symbol':
      return t('error.invalidSymbol', { symbol: error.symbol ?? '' });
    case 'rate-limited':
      return t('error.rateLimited', { time });
    case 'banned':
      return t('error.banned', { time });
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
      return t('error.historyUnavailable', { detail: historyDetail(error, i18n, time) });
  }
}

/** What went wrong and what happens next; says so too when older data stays on screen. */
export function ApiErrorAlert({ error, keptData }: { error: ApiError; keptData: boolean }) {
  const i18n = useI18n();
  return (
    <Alert tone={keptData ? 'warning' : 'error'}>
      {apiErrorText(error, i18n)}
      {keptData ? ` ${i18n.t('error.keptData')}` : null}
    </Alert>
  );
}
