import { memo, useMemo } from 'react';
import type { Pool } from '../../core/pool-schema';
import { formatCompact } from '../../core/decimal';
import { ExactFigure } from '../../components/balance';
import { useI18n } from '../../lib/i18n/i18n';
import { snapshotTime, totalsByAsset } from '../../core/pools';
import { useNow } from '../../lib/use-now';
import { SummaryValue } from './summary-value';

interface SummaryProps {
  pools: readonly Pool[];
  /** When the answer left the upstream. */
  fetchedAt: number;
  /** The recorded history could not be had, so Drawn down is not judged. */
  historyMissing?: boolean;
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

function SummaryView({ pools, fetchedAt, historyMissing = false }: SummaryProps) {
  const i18n = useI18n();
  const now = useNow();
  const totals = useMemo(() => [...totalsByAsset(pools)], [pools]);
  const symbols = useMemo(() => pools.reduce((n, p) => n + p.symbols.length, 0), [pools]);
  const taken = useMemo(() => snapshotTime(pools), [pools]);

  return (
    <section aria-labelledby="summary-heading" className="space-y-3">
      <h2 id="summary-heading" className="sr-only">
        {i18n.t('pools.summary.heading')}
      </h2>
      <p data-testid="summary" className="text-lg font-semibold tabular-nums">
        {i18n.plural('app.pools', pools.length)} · {i18n.plural('app.symbols', symbols)}
      </p>
      <SummaryValue pools={pools} now={now} historyMissing={historyMissing} />
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <When label={i18n.t('pools.summary.snapshot')} time={taken} now={now} />
        <When label={i18n.t('pools.summary.fetched')} time={fetchedAt} now={now} />
      </dl>
      {totals.length > 0 ? (
        <div>
          <h3 className="text-sm text-[var(--muted)]">{i18n.t('pools.summary.totals')}</h3>
          <ul className="mt-1 flex flex-wrap gap-x-6 gap-y-1 tabular-nums">
            {totals.map(([asset, total]) => (
              <li key={asset} data-testid="total" data-asset={asset} data-value={total}>
                <span className="whitespace-nowrap">
                  <span className="font-mono">
                    <ExactFigure value={total} />
                  </span>{' '}
                  <span className="text-[var(--muted)]">{asset}</span>
                </span>{' '}
                <span className="whitespace-nowrap text-sm text-[var(--muted)]">
                  ≈ {formatCompact(total, i18n.lang)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/**
 * Pools, symbols, their estimated value and flags, the exact total of each asset, and when the
 * snapshot was taken and fetched.
 */
export const PoolsSummary = memo(SummaryView);
