import { useI18n } from '../lib/i18n/i18n';
import { useAdlContext } from './adl-context';

/**
 * The ratings' absence, in words and with its start: the exchange does not answer the path (an
 * upstream without it, a pause, a timeout). Everything else on the page is unaffected.
 */
export function AdlStatus() {
  const i18n = useI18n();
  const { unavailableSince } = useAdlContext();
  if (unavailableSince === undefined) return null;
  return (
    <p
      role="status"
      data-testid="adl-unavailable"
      data-since={unavailableSince}
      className="rounded border border-[var(--warn-border)] bg-[var(--warn-bg)] px-3 py-2 text-sm"
    >
      {i18n.t('adl.unavailable', { time: i18n.formatUtc(unavailableSince) })}
    </p>
  );
}
