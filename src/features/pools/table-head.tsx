import { memo } from 'react';
import { useI18n } from '../../lib/i18n/i18n';
import { useIsClient } from '../../lib/render-seed';
import { naturalDir, type Sort } from '../../lib/url-state';
import type { Navigate } from '../../lib/use-url-state';
import { COLUMNS } from './table-columns';

interface HeadProps {
  sort: Sort;
  dir: 'asc' | 'desc';
  /** The asset the Balances column orders by. */
  asset: string;
  navigate: Navigate;
}

/** The link's parameters for a sort: the default needs none, and `value` must drop the asset. */
export function sortPatch(next: Sort, current: Sort, dir: 'asc' | 'desc') {
  if (next === current) {
    const flipped = dir === 'asc' ? 'desc' : 'asc';
    return { dir: flipped === naturalDir(next) ? undefined : flipped };
  }
  const base = next === 'value' ? { sort: undefined, asset: undefined } : { sort: next };
  return { ...base, dir: undefined };
}

/**
 * The column headings. Each sortable heading is a button: it sorts by its column in the column's
 * natural order (largest first; names A to Z; changes with the largest fall first), and again
 * reverses it. `aria-sort` says which column orders the rows and which way. The sort lives in the
 * link and replaces this history entry, as the toolbar's does.
 */
export const TableHead = memo(function TableHead({ sort, dir, asset, navigate }: HeadProps) {
  const { t } = useI18n();
  const ready = useIsClient();
  return (
    <thead role="rowgroup" className="pool-table-head">
      <tr role="row" className="pool-table-row">
        {COLUMNS.map((column) => {
          const active = column.sort !== undefined && column.sort === sort;
          const label = t(column.label);
          return (
            <th
              key={column.id}
              role="columnheader"
              scope="col"
              aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
              data-column={column.id}
              className={column.figures ? 'cell-figures' : undefined}
            >
              {column.sort === undefined ? (
                label
              ) : (
                <button
                  type="button"
                  className="sort-button"
                  data-active={active || undefined}
                  disabled={!ready}
                  onClick={() => navigate(sortPatch(column.sort!, sort, dir), 'replace')}
                >
                  <span>{column.sort === 'balance' && active ? `${label} (${asset})` : label}</span>
                  <span aria-hidden="true" className="sort-arrow">
                    {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              )}
            </th>
          );
        })}
      </tr>
    </thead>
  );
});
