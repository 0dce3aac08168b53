import type { ApiError } from '../api/errors';
import { useI18n } from '../lib/i18n/i18n';
import { Alert } from './alert';
import { apiErrorText } from './api-error-alert';

interface ValuationAlertProps {
  error: ApiError;
  /** When the index still on screen was fetched; `undefined` when none could be had at all. */
  keptFrom: number | undefined;
  /** While pools are meant to be sorted by value but cannot be: the asset they are sorted by. */
  sortedBy?: string;
}

/**
 * Why dollar values are missing (or old) while the balances stay on screen: the asset index is a
 * second call, and its failure is told apart from the pool list's.
 */
export function ValuationAlert({ error, keptFrom, sortedBy }: ValuationAlertProps) {
  const i18n = useI18n();
  // The index is asked again on every refresh.
  const reason = `${apiErrorText(error, i18n)} ${i18n.t('error.next.trying')}`;
  const text =
    keptFrom === undefined
      ? [
          i18n.t('value.missing', { reason }),
          sortedBy === undefined ? '' : i18n.t('value.sortFallback', { asset: sortedBy }),
        ]
          .filter(Boolean)
          .join(' ')
      : i18n.t('value.outdated', { reason, time: i18n.formatUtc(keptFrom) });
  return (
    <div data-testid="valuation-alert">
      <Alert tone="warning">{text}</Alert>
    </div>
  );
}
