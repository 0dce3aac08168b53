import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Pool } from '../../core/pool-schema';
import { useAdlContext, type AdlView } from '../../components/adl-context';
import { PoolCard } from '../../components/pool-card';
import type { Changes } from '../../core/changes';
import type { ChangeWindow } from '../../core/history';
import { useI18n } from '../../lib/i18n/i18n';
import { poolKey } from '../../core/pools';
import { scaledFrame } from './fill';
import { layoutWall } from './layout';
import type { Mark } from './marks';
import { memberSpaceFor } from './member-space';
import { estimateHeight } from './paginate';
import { usePageFrame } from './use-page-frame';
import { WallDrops } from './wall-drops';
import { useFontsLoaded, WallMeasure, type CardHeights } from './wall-measure';
import { useValuationContext } from '../../components/valuation-context';
import type { Valuation } from '../../lib/valuation';

/** Beyond this many pages the indicator is words only. */
const MAX_DOTS = 40;
/** The wall gives each balance its change over 24 h; the dashboard gives 1 h and 7 d too. */
const WALL_WINDOWS: readonly ChangeWindow[] = ['24h'];

/** A refresh keeps an unchanged member list as the same array, so its key is sorted out once. */
const keys = new WeakMap<readonly string[], string>();
function keyOf(pool: Pool): string {
  let key = keys.get(pool.symbols);
  if (key === undefined) keys.set(pool.symbols, (key = poolKey(pool)));
  return key;
}

const NO_HEIGHTS: CardHeights = new Map();

/**
 * What a card's height follows besides its members: its balances, its flags, whether the history
 * gives it a day's sparkline and changes, whether it has a dollar value, and its ADL risk line
 * (there or not, its counts, the high-rated symbols it names and their mark). Its figures do not.
 */
function shapeOf(pool: Pool, valuation: Valuation, adl: AdlView): string {
  const flags = Object.keys(valuation.flagsOf(pool)).join(',');
  const history = valuation.historyOf(pool) ? 'h' : '';
  const value = valuation.poolValue(pool) ? 'v' : '';
  const a = adl.summaryOf(pool);
  const risk = a ? `${a.high}/${a.medium}/${a.low}/${a.unrated}/${a.highSymbols.join(' ')}` : '';
  return `${pool.assets.length}:${flags}:${history}${value}:${risk}`;
}

/** The mean measured height of cards with as many balances, for a card not measured yet. */
function meanByAssets(pools: readonly Pool[], shapes: readonly string[], heights: CardHeights) {
  const sums = new Map<number, [number, number]>();
  for (const [i, pool] of pools.entries()) {
    const h = heights.get(shapes[i]!);
    if (h === undefined) continue;
    const [sum, n] = sums.get(pool.assets.length) ?? [0, 0];
    sums.set(pool.assets.length, [sum + h, n + 1]);
  }
  return new Map([...sums].map(([count, [sum, n]]) => [count, sum / n]));
}

export interface WallPagesProps {
  /** In the order the wall shows them (./wall-order). */
  pools: readonly Pool[];
  changes: Changes;
  /** Sharp drops held now, for the banner above the pages. */
  drops: ReadonlyMap<string, Mark>;
  dropHoldMs: number;
  /** Counts page turns; the page shown is this modulo the number of pages. */
  tick: number;
}

/**
 * The pools in the wall's order, as many as fit the screen at once, a page at a time. Every card
 * is measured once, out of sight (./wall-measure), whenever the cards or the type change; the
 * pages are a pure function of those heights and the screen (./layout), and only the page shown
 * is drawn. The type grows a little where that fills the pages without needing more of them, and
 * a larger screen fits more pools on a page: it is not the same page scaled up.
 */
export const WallPages = memo(function WallPages({
  pools,
  changes,
  drops,
  dropHoldMs,
  tick,
}: WallPagesProps) {
  const i18n = useI18n();
  const area = useRef<HTMLDivElement>(null);
  const frame = usePageFrame(area);
  const valuation = useValuationContext();
  const adl = useAdlContext();
  const fontsLoaded = useFontsLoaded();
  // Heights hold for one type size and one set of fonts; within it, for one shape of card.
  const epoch = `${frame.fontSize}:${fontsLoaded}`;
  const [measured, setMeasured] = useState<{ epoch: string; heights: CardHeights }>({
    epoch: '',
    heights: new Map(),
  });
  const heights = measured.epoch === epoch ? measured.heights : NO_HEIGHTS;
  const onMeasured = useCallback(
    (next: CardHeights) =>
      setMeasured((old) => {
        const kept = old.epoch === epoch ? old.heights : NO_HEIGHTS;
        return { epoch, heights: new Map([...kept, ...next]) };
      }),
    [epoch],
  );
  const shapes = useMemo(
    () => pools.map((p) => `${keyOf(p)}|${shapeOf(p, valuation, adl)}`),
    [pools, valuation, adl],
  );
  const sizes = useMemo(() => {
    const byAssets = meanByAssets(pools, shapes, heights);
    return pools.map(
      (p, i) => heights.get(shapes[i]!) ?? estimateHeight(p.assets.length, byAssets, 1),
    );
  }, [pools, shapes, heights]);
  // Only cards of a shape not measured yet are drawn out of sight: a refresh that changes
  // figures alone measures nothing.
  const unmeasured = useMemo(
    () => pools.flatMap((p, i) => (heights.has(shapes[i]!) ? [] : [{ pool: p, key: shapes[i]! }])),
    [pools, shapes, heights],
  );
  const layout = useMemo(() => layoutWall(sizes, frame), [sizes, frame]);
  const { scale, pages, columns } = layout;
  const shown = useMemo(() => scaledFrame(frame, scale), [frame, scale]);
  const memberSpace = useMemo(() => memberSpaceFor(shown), [shown]);
  // The cards are measured in the narrowest column a page can have, with its member list.
  const narrowest = useMemo(
    () => memberSpaceFor({ ...frame, width: frame.minColumnWidth }),
    [frame],
  );
  const index = pages.length > 0 ? tick % pages.length : 0;
  const page = pages[index];
  const pageOfIndex = useMemo(() => {
    const of = new Map<string, number>();
    pages.forEach((p, n) => {
      for (const column of p) for (const i of column) of.set(keyOf(pools[i]!), n);
    });
    return of;
  }, [pages, pools]);
  const pageOf = useCallback((pool: Pool) => pageOfIndex.get(keyOf(pool)), [pageOfIndex]);

  // Set through the CSSOM, not as a style attribute: the page's CSP refuses inline style
  // attributes in the server's markup.
  useLayoutEffect(() => {
    area.current?.style.setProperty('font-size', `${scale}em`);
  }, [scale]);

  return (
    <>
      <WallDrops
        pools={pools}
        drops={drops}
        holdMs={dropHoldMs}
        pageOf={pageOf}
        paged={pages.length > 1}
      />
      <div ref={area} className="wall-pages" data-testid="wall-pages" data-scale={scale}>
        {Array.from({ length: columns }, (_, c) => (
          <div key={c} className="wall-column">
            {(page?.[c] ?? []).map((i) => {
              const pool = pools[i]!;
              return (
                <div key={keyOf(pool)} data-pool-key={keyOf(pool)}>
                  <PoolCard
                    pool={pool}
                    changes={changes}
                    memberSpace={memberSpace}
                    windows={WALL_WINDOWS}
                  />
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {frame.width > 0 && unmeasured.length > 0 ? (
        <WallMeasure
          cards={unmeasured}
          changes={changes}
          windows={WALL_WINDOWS}
          memberSpace={narrowest}
          onMeasured={onMeasured}
        />
      ) : null}
      <footer className="wall-page-indicator" data-testid="wall-page">
        {pages.length > 1 ? (
          <>
            <span>{i18n.t('wall.page', { page: index + 1, pages: pages.length })}</span>
            <span aria-hidden="true" className="wall-page-dots">
              {pages.length <= MAX_DOTS
                ? pages.map((_, p) => <span key={p} data-current={p === index || undefined} />)
                : null}
            </span>
          </>
        ) : null}
      </footer>
    </>
  );
});
