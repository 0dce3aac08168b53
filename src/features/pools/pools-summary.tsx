import { memo, useMemo } from 'react';
import type { Pool } from '../../core/pool-schema';
import { TitledSection } from '../../components/titled-section';
import { useI18n } from '../../lib/i18n/i18n';
import { snapshotTime } from '../../core/pools';
import { useNow } from '../../lib/use-now';
import type { Navigate } from '../../lib/use-url-state';
import { AssetTotals } from './asset-totals';
import { BiggestFalls } from './biggest-falls';
import { SummaryChange } from './summary-change';
import { SummaryValue } from './summary-value';
import { useTotalChange } from './use-total-change';

interface SummaryProps {
  pools: readonly Pool[];
  /** When the answer left the upstream. */
  fetchedAt: number;
  /** The recorded history could not be had, so Drawn down is not judged. */
  historyMissing?: boolean;
  navigate: Navigate;
}

function When({ label, time, now }: { label: string; time: number; now: number }) {
  const i18n = useI18n();
  return (
    <div>
      <dt className="text-[var(--muted)]">{label}</dt>
      <dd className="tabular-nums">
        {time > 0 ? `${i18n.formatUtc(time)} · ${i18n.formatAgo(time, now)}` : '—'}
      </dd>
    </div>
  );
}

function SummaryView({ pools, fetchedAt, historyMissing = false, navigate }: SummaryProps) {
  const i18n = useI18n();
  const now = useNow();
  const symbols = useMemo(() => pools.reduce((n, p) => n + p.symbols.length, 0), [pools]);
  const taken = useMemo(() => snapshotTime(pools), [pools]);
  const change = useTotalChange(pools, '24h');

  return (
    <TitledSection
      id="summary-heading"
      title={i18n.t('overview.heading')}
      className="overview-headline"
      headingClass="sr-only"
    >
      <div className="headline-panel space-y-2">
        <p data-testid="summary" className="text-lg font-semibold tabular-nums">
          {i18n.plural('app.pools', pools.length)} · {i18n.plural('app.symbols', symbols)}
        </p>
        <SummaryValue pools={pools} now={now} historyMissing={historyMissing}>
          {historyMissing ? null : <SummaryChange change={change} pools={pools.length} />}
        </SummaryValue>
        <dl className="grid gap-x-6 gap-y-1 text-xs sm:grid-cols-2">
          <When label={i18n.t('pools.summary.snapshot')} time={taken} now={now} />
          <When label={i18n.t('pools.summary.fetched')} time={fetchedAt} now={now} />
        </dl>
      </div>
      <div className="headline-panel">
        <AssetTotals pools={pools} change={historyMissing ? undefined : change} />
      </div>
      {historyMissing ? null : (
        <div className="headline-panel">
          <BiggestFalls pools={pools} navigate={navigate} />
        </div>
      )}
    </TitledSection>
  );
}

/**
 * The first screen's answer: pools and symbols, the estimated value of all of them and its change
 * over 24 h, the flags, the exact total of each asset with its change, the pools that fell most,
 * and when the snapshot was taken and fetched.
 */
export const PoolsSummary = memo(SummaryView);
