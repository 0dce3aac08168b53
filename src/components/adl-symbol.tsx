import { formatDuration } from '../lib/duration';
import { useI18n } from '../lib/i18n/i18n';
import { useNow } from '../lib/use-now';
import { useAdlContext } from './adl-context';
import { AdlLevelChip } from './adl-level';
import { TitledSection } from './titled-section';

/**
 * A symbol's current ADL risk rating by the exchange, and since when it has held: the time the
 * server first recorded it at this level (or, from the exchange directly, its latest update).
 * Nothing while the ratings are not had: the page says why (adl-status.tsx).
 */
export function SymbolAdl({ symbol }: { symbol: string }) {
  const i18n = useI18n();
  const now = useNow();
  const { ratings } = useAdlContext();
  if (!ratings) return null;
  const rating = ratings.get(symbol);
  return (
    <TitledSection
      id="adl-title"
      title={i18n.t('adl.title')}
      className="space-y-1"
      headingClass="text-xl font-semibold"
    >
      <p data-testid="adl-risk" data-symbol={symbol} data-level={rating?.level ?? 'none'}>
        {rating ? (
          <>
            {i18n.t('adl.rated', { symbol })} <AdlLevelChip level={rating.level} />{' '}
            <span className="text-sm text-[var(--muted)]">
              {i18n.t('adl.heldSince', {
                time: i18n.formatUtc(rating.updateTime),
                duration: formatDuration(now - rating.updateTime, i18n.lang),
              })}
            </span>
          </>
        ) : (
          i18n.t('adl.notRated', { symbol })
        )}
      </p>
      <p className="text-sm text-[var(--muted)]">{i18n.t('adl.explain')}</p>
    </TitledSection>
  );
}
