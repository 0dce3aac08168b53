import { useMemo } from 'react';
import { ExactFigure } from '../../components/balance';
import { SIGN_NAMES, SignedFigure } from '../../components/signed-figure';
import { useValuationContext } from '../../components/valuation-context';
import { decimalSign, formatExact, relativeChange, subtractDecimals } from '../../core/decimal';
import { momentTotals } from '../../core/moment-change';
import type { Pool } from '../../core/pool-schema';
import { totalValue, valuePool, type AssetIndexMap } from '../../core/valuation';
import { useI18n } from '../../lib/i18n/i18n';

/** An exact change from `before` to `after`, signed and with its share. */
function Change({ before, after, usd = false }: { before: string; after: string; usd?: boolean }) {
  const value = subtractDecimals(after, before);
  const sign = decimalSign(value);
  return (
    <span data-sign={SIGN_NAMES[sign]} className="change">
      <SignedFigure value={value} sign={sign} rel={relativeChange(before, after)} usd={usd} />
    </span>
  );
}

/**
 * The totals of the moment, and with `vs` of both moments side by side with their exact change:
 * each asset's balance over every pool, and the dollar estimate with each moment's own index.
 */
export function MomentSummary({
  at,
  pools,
  index,
  vs,
  regrouped,
}: {
  at: number;
  pools: readonly Pool[];
  index: AssetIndexMap | undefined;
  vs: { at: number; pools: readonly Pool[]; index: AssetIndexMap | undefined } | undefined;
  regrouped: number;
}) {
  const i18n = useI18n();
  // The moment's pools are valued once, for the table's values and order as well as this total.
  const valuation = useValuationContext();
  const vsPools = vs?.pools;
  const vsIndex = vs?.index;
  const totals = useMemo(() => momentTotals(pools, vsPools ?? []), [pools, vsPools]);
  const usdAt = useMemo(() => {
    if (!index) return undefined;
    const valueOf = (p: Pool) =>
      (valuation.index === index ? valuation.poolValue(p) : undefined) ?? valuePool(p, index);
    return totalValue(pools.map(valueOf)).usd;
  }, [pools, index, valuation]);
  const usdVs = useMemo(
    () =>
      vsPools && vsIndex ? totalValue(vsPools.map((p) => valuePool(p, vsIndex))).usd : undefined,
    [vsPools, vsIndex],
  );
  const money = (usd: string) => i18n.t('value.amount', { amount: formatExact(usd, i18n.lang) });
  return (
    <section aria-labelledby="moment-summary" className="space-y-2">
      <h2 id="moment-summary" className="text-lg font-semibold">
        {i18n.t('moment.summary.heading')}
      </h2>
      <table className="text-sm tabular-nums">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" className="px-3 text-right">
              {i18n.t('moment.summary.at', { time: i18n.formatUtc(at) })}
            </th>
            {vs ? (
              <>
                <th scope="col" className="px-3 text-right">
                  {i18n.t('moment.summary.vs', { time: i18n.formatUtc(vs.at) })}
                </th>
                <th scope="col" className="px-3 text-right">
                  {i18n.t('moment.summary.change')}
                </th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" className="pr-3 text-left font-medium">
              {i18n.t('moment.summary.usd')}
            </th>
            <td className="px-3 text-right">
              {usdAt !== undefined ? (
                <span data-testid="usd-total" data-value={usdAt}>
                  {money(usdAt)}
                </span>
              ) : null}
            </td>
            {vs ? (
              <>
                <td className="px-3 text-right">
                  {usdVs !== undefined ? (
                    <span data-testid="usd-total-vs" data-value={usdVs}>
                      {money(usdVs)}
                    </span>
                  ) : null}
                </td>
                <td className="px-3 text-right">
                  {usdAt !== undefined && usdVs !== undefined ? (
                    <Change before={usdVs} after={usdAt} usd />
                  ) : null}
                </td>
              </>
            ) : null}
          </tr>
          {totals.map((t) => (
            <tr key={t.asset} data-testid="moment-total" data-asset={t.asset} data-value={t.at}>
              <th scope="row" className="pr-3 text-left font-medium">
                {t.asset}
              </th>
              <td className="px-3 text-right">
                <ExactFigure value={t.at} />
              </td>
              {vs ? (
                <>
                  <td className="px-3 text-right" data-testid="moment-total-vs" data-value={t.vs}>
                    <ExactFigure value={t.vs} />
                  </td>
                  <td
                    className="px-3 text-right"
                    data-testid="moment-total-change"
                    data-value={t.change}
                  >
                    <Change before={t.vs} after={t.at} />
                  </td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {vs && regrouped > 0 ? (
        <p className="text-sm text-[var(--muted)]">
          {i18n.plural('moment.summary.regrouped', regrouped)}
        </p>
      ) : null}
    </section>
  );
}
