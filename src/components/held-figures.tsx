import type { Pool } from '../core/pool-schema';
import { useI18n } from '../lib/i18n/i18n';

/**
 * A pools table's value and balances cells for a row far from the screen in a long list: the
 * assets the pool holds, one line each as its balances take, so that the row keeps its height;
 * the figures come in as it nears the screen. The live table and a past moment's table both use it.
 */
export function HeldFigureCells({ pool }: { pool: Pool }) {
  const i18n = useI18n();
  return (
    <>
      <td role="cell" className="cell-figures cell-value" data-column="value" />
      <td role="cell" className="cell-figures cell-balances" data-column="balances">
        <ul aria-label={i18n.t('pools.balances')} className="asset-blocks">
          {pool.assets.map(({ asset }) => (
            <li key={asset} className="asset-block held-figure">
              {asset}
            </li>
          ))}
        </ul>
      </td>
    </>
  );
}
