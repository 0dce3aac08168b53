import { useEarlyChange } from '../../lib/use-early-change';
import { useI18n } from '../../lib/i18n/i18n';
import { naturalDir, SORTS, type Sort } from '../../lib/url-state';
import type { Navigate } from '../../lib/use-url-state';

interface ToolbarProps {
  sort: Sort;
  asset: string;
  assets: readonly string[];
  dir: 'asc' | 'desc';
  navigate: Navigate;
}

const field = 'rounded-md border border-[var(--border)] bg-[var(--bg)] px-2 py-1 text-[var(--fg)]';

/**
 * Sort controls, beside the table's own headings (and in their stead on a narrow screen); each
 * change rewrites this history entry, so a shared link shows the same list.
 * The list is narrowed by the one search box above (its text is the link's `filter`).
 */
export function PoolsToolbar({ sort, asset, assets, dir, navigate }: ToolbarProps) {
  const { t } = useI18n();
  const pickSort = (value: string) => {
    const next = SORTS.find((s) => s === value) ?? 'value';
    // The default needs no parameter, and an asset in the link would mean its balance.
    const patch = next === 'value' ? { sort: undefined, asset: undefined } : { sort: next };
    navigate({ ...patch, dir: undefined }, 'replace');
  };
  const pickDir = (value: string) => {
    const next = value === 'asc' ? 'asc' : 'desc';
    navigate({ dir: next === naturalDir(sort) ? undefined : next }, 'replace');
  };
  // A choice made in the server's page before the app took it over still counts.
  const sortRef = useEarlyChange<HTMLSelectElement>(sort, pickSort);
  const dirRef = useEarlyChange<HTMLSelectElement>(dir, pickDir);

  return (
    <div className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col gap-1">
        {t('pools.sortBy')}
        <select
          ref={sortRef}
          value={sort}
          className={field}
          onChange={(e) => pickSort(e.target.value)}
        >
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`pools.sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {sort === 'balance' && assets.length > 0 ? (
        <label className="flex flex-col gap-1">
          {t('pools.asset')}
          <select
            value={asset}
            className={field}
            onChange={(e) => navigate({ asset: e.target.value }, 'replace')}
          >
            {assets.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="flex flex-col gap-1">
        {t('pools.order')}
        <select
          ref={dirRef}
          value={dir}
          className={field}
          onChange={(e) => pickDir(e.target.value)}
        >
          <option value="desc">{t('pools.dir.desc')}</option>
          <option value="asc">{t('pools.dir.asc')}</option>
        </select>
      </label>
    </div>
  );
}
