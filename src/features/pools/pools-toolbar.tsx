import { useId, useState } from 'react';
import { Alert } from '../../components/alert';
import { useI18n } from '../../lib/i18n/i18n';
import { SORTS, type Sort } from '../../lib/url-state';
import type { Navigate } from '../../lib/use-url-state';

interface ToolbarProps {
  sort: Sort;
  asset: string;
  assets: readonly string[];
  dir: 'asc' | 'desc';
  filter: string;
  navigate: Navigate;
}

const naturalDir = (sort: Sort) => (sort === 'name' ? 'asc' : 'desc');
/** What the link keeps of a filter (see lib/url-state): letters, digits and `_`. */
const keptInLink = (text: string) => text.replace(/[^\p{L}\p{M}\p{N}_]/gu, '').slice(0, 40);

const field = 'rounded-md border border-[var(--border)] bg-[var(--bg)] px-2 py-1 text-[var(--fg)]';

/** Sort and filter controls; each change rewrites this history entry, so a shared link shows the same list. */
export function PoolsToolbar({ sort, asset, assets, dir, filter, navigate }: ToolbarProps) {
  const { t } = useI18n();
  const id = useId();
  const [typed, setTyped] = useState(filter);
  const [linked, setLinked] = useState(filter);
  // Back, Forward or a new link changed the filter: show what the link says.
  if (linked !== filter) {
    setLinked(filter);
    if (keptInLink(typed) !== filter) setTyped(filter);
  }
  const ignored = keptInLink(typed) !== typed.trim();

  return (
    <div className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col gap-1">
        {t('pools.filter')}
        <input
          type="search"
          value={typed}
          maxLength={40}
          placeholder={t('pools.filterPlaceholder')}
          aria-describedby={ignored ? `${id}-ignored` : undefined}
          autoComplete="off"
          spellCheck={false}
          className={field}
          onChange={(e) => {
            setTyped(e.target.value);
            navigate({ filter: keptInLink(e.target.value) }, 'replace');
          }}
        />
      </label>
      <label className="flex flex-col gap-1">
        {t('pools.sortBy')}
        <select
          value={sort}
          className={field}
          onChange={(e) => {
            const next = SORTS.find((s) => s === e.target.value) ?? 'value';
            // The default needs no parameter, and an asset in the link would mean its balance.
            const patch = next === 'value' ? { sort: undefined, asset: undefined } : { sort: next };
            navigate({ ...patch, dir: undefined }, 'replace');
          }}
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
          value={dir}
          className={field}
          onChange={(e) => {
            const next = e.target.value === 'asc' ? 'asc' : 'desc';
            navigate({ dir: next === naturalDir(sort) ? undefined : next }, 'replace');
          }}
        >
          <option value="desc">{t('pools.dir.desc')}</option>
          <option value="asc">{t('pools.dir.asc')}</option>
        </select>
      </label>
      {ignored ? (
        <div id={`${id}-ignored`} className="basis-full">
          <Alert tone="warning">{t('pools.filterIgnored')}</Alert>
        </div>
      ) : null}
    </div>
  );
}
