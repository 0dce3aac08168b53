import { formatCompact } from '../core/decimal';
import type { Pool } from '../core/pool-schema';
import { poolName, poolOfSymbol, totalsByAsset } from '../core/pools';
import type { I18n } from '../lib/i18n/i18n';
import type { UrlState } from '../lib/url-state';

/**
 * The page's title and description: what a tab, a bookmark and a shared link's preview say the
 * link shows. The server writes them into the page it renders (src/entry-server.tsx), the browser
 * keeps them in step as the view changes (document-meta.tsx): one function for both. A past
 * moment's link says it is the recording of that moment (and of `vs`), not live figures.
 */
export interface PageMeta {
  title: string;
  description: string;
}

/** Balances at a glance, at most this many assets: a description is a sentence, not a table. */
const ASSETS_NAMED = 3;

function glance(i18n: I18n, balances: Iterable<[asset: string, value: string]>): string {
  return [...balances]
    .slice(0, ASSETS_NAMED)
    .map(([asset, value]) => `≈ ${formatCompact(value, i18n.lang)} ${asset}`)
    .join(i18n.lang === 'zh-CN' ? '、' : ', ');
}

export function pageMeta(i18n: I18n, url: UrlState, pools: readonly Pool[] | undefined): PageMeta {
  const { t } = i18n;
  const site = `${t('app.title')} · ${t('app.subtitle')}`;
  const symbol = url.symbol?.valid ? url.symbol.symbol : undefined;
  if (symbol !== undefined) {
    const pool = pools ? poolOfSymbol(pools, symbol) : undefined;
    return {
      title: `${symbol} · ${site}`,
      description: pool
        ? t('meta.symbolPool', {
            symbol,
            pool: poolName(pool),
            symbols: i18n.plural('app.symbols', pool.symbols.length),
            balances: glance(
              i18n,
              pool.assets.map((a) => [a.asset, a.marginBalance]),
            ),
          })
        : t('meta.symbol', { symbol }),
    };
  }
  // ?at=: the overview as recorded then (app.tsx), never the live figures.
  if (url.at !== undefined && url.view !== 'wall' && url.symbol === undefined) {
    const at = i18n.formatUtc(url.at);
    if (url.vs === undefined)
      return {
        title: `${t('meta.momentTitle', { utc: at })} · ${site}`,
        description: t('meta.moment', { utc: at }),
      };
    const vs = i18n.formatUtc(url.vs);
    return {
      title: `${t('meta.momentVsTitle', { utc: at, vs })} · ${site}`,
      description: t('meta.momentVs', { utc: at, vs }),
    };
  }
  const title = url.view === 'wall' ? `${t('wall.label')} · ${t('app.subtitle')}` : site;
  if (!pools || pools.length === 0) return { title, description: t('meta.overview') };
  return {
    title,
    description: t('meta.overviewFigures', {
      pools: i18n.plural('app.pools', pools.length),
      symbols: i18n.plural(
        'app.symbols',
        pools.reduce((n, p) => n + p.symbols.length, 0),
      ),
      totals: glance(i18n, totalsByAsset(pools)),
    }),
  };
}
