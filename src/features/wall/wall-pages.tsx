import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { Pool } from '../../core/pool-schema';
import { PoolCard } from '../../components/pool-card';
import type { Changes } from '../../core/refresh-change';
import type { ChangeWindow } from '../../core/history';
import { useI18n } from '../../lib/i18n/i18n';
import { poolKey } from '../../core/pools';
import { fillScale, scaledFrame } from './fill';
import type { Mark } from './marks';
import { memberSpaceFor } from './member-space';
import { columnsFor, estimateHeight, paginateEvenly } from './paginate';
import { usePageFrame, type MeasuredFrame } from './use-page-frame';
import { WallDrops } from './wall-drops';

/** The height of a wall card's sparkline before it grows, in em of the pages (index.css). */
const SPARK_BASE_EM = 1.25;
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

/**
 * Heights of cards as last shown, in em of the pages' type (so a change of scale keeps them),
 * rounded to a quarter em, valid for one frame size only.
 */
interface Measured {
  frame: MeasuredFrame | undefined;
  heights: ReadonlyMap<string, number>;
}

function meanByAssets(pools: readonly Pool[], heights: ReadonlyMap<string, number>) {
  const sums = new Map<number, [number, number]>();
  for (const pool of pools) {
    const h = heights.get(keyOf(pool));
    if (h === undefined) continue;
    const [sum, n] = sums.get(pool.assets.length) ?? [0, 0];
    sums.set(pool.assets.length, [sum + h, n + 1]);
  }
  return new Map([...sums].map(([count, [sum, n]]) => [count, sum / n]));
}

export interface WallPagesProps {
  pools: readonly Pool[];
  changes: Changes;
  /** Sharp drops held now, for the banner above the pages. */
  drops: ReadonlyMap<string, Mark>;
  dropHoldMs: number;
  /** Counts page turns; the page shown is this modulo the number of pages. */
  tick: number;
}

/**
 * The pools in the exchange's order, as many as fit the screen at once, a page at a time. Only
 * the page shown is rendered; each card is measured when shown, so pages never overflow. The
 * cards' type grows a little where that fills the pages without needing more of them (./fill),
 * and a larger screen fits more pools on a page: it is not the same page scaled up.
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
  const [measured, setMeasured] = useState<Measured>({ frame: undefined, heights: new Map() });
  // Cards are measured again when a font comes in: one that arrives after the first measure (the
  // CJK fallback of a Chinese symbol, on a busy screen) changes their heights, and the page ran
  // past the bottom of the screen.
  const [fontsLoaded, setFontsLoaded] = useState(0);
  useEffect(() => {
    const fonts = typeof document === 'undefined' ? undefined : document.fonts;
    if (!fonts) return undefined;
    const loaded = () => setFontsLoaded((n) => n + 1);
    fonts.addEventListener('loadingdone', loaded);
    return () => fonts.removeEventListener('loadingdone', loaded);
  }, []);
  const heights = measured.frame === frame ? measured.heights : undefined;

  const sizes = useMemo(() => {
    const known = heights ?? new Map<string, number>();
    const byAssets = meanByAssets(pools, known);
    return pools.map((p) => known.get(keyOf(p)) ?? estimateHeight(p.assets.length, byAssets, 1));
  }, [pools, heights]);
  // The scale is chosen again only when the frame or the number of pools changes, and once every
  // card has been measured: a card's height in em moves a little with the scale (lines wrap
  // elsewhere), and choosing it from every new measure made the two chase each other.
  const allMeasured = heights !== undefined && pools.every((p) => heights.has(keyOf(p)));
  const scaleKey = `${frame.width}x${frame.height}@${frame.fontSize}:${pools.length}:${allMeasured}`;
  const [fill, setFill] = useState({ key: '', scale: 1 });
  let scale = fill.scale;
  if (fill.key !== scaleKey) {
    scale = fillScale(sizes, frame);
    setFill({ key: scaleKey, scale });
  }
  const shown = useMemo(() => scaledFrame(frame, scale), [frame, scale]);
  const pages = useMemo(
    () =>
      frame.height === 0
        ? []
        : paginateEvenly(
            sizes.map((h) => h * shown.fontSize),
            shown,
          ),
    [sizes, shown, frame.height],
  );
  const index = pages.length > 0 ? tick % pages.length : 0;
  const page = pages[index];
  const columns = frame.height === 0 ? 0 : columnsFor(shown);
  const memberSpace = useMemo(() => memberSpaceFor(shown), [shown]);
  const pageOfIndex = useMemo(() => {
    const of = new Map<string, number>();
    pages.forEach((p, n) => {
      for (const column of p) for (const i of column) of.set(keyOf(pools[i]!), n);
    });
    return of;
  }, [pages, pools]);
  const pageOf = useCallback((pool: Pool) => pageOfIndex.get(keyOf(pool)), [pageOfIndex]);
  // What each card of the page shown grows by, so that its column reaches the bottom: the room a
  // column has left is shared among its cards, whose sparklines take it (index.css).
  const grow = useMemo(() => {
    const of = new Map<string, number>();
    for (const column of page ?? []) {
      const used =
        column.reduce((sum, i) => sum + sizes[i]! * shown.fontSize, 0) +
        shown.gap * (column.length - 1);
      const each = Math.max(0, Math.floor((frame.height - used) / Math.max(1, column.length)));
      for (const i of column) of.set(keyOf(pools[i]!), each);
    }
    return of;
  }, [page, sizes, shown, frame.height, pools]);

  useLayoutEffect(() => {
    const root = area.current;
    if (!root || frame.height === 0) return;
    const known = heights ?? new Map<string, number>();
    const seen = new Map<string, number>();
    for (const card of root.querySelectorAll<HTMLElement>('[data-pool-key]')) {
      // The card's own height, without what its sparkline grew by to fill the column, as drawn.
      const spark = card.querySelector('.sparkline');
      const grown = spark
        ? Math.max(0, spark.getBoundingClientRect().height - SPARK_BASE_EM * shown.fontSize)
        : 0;
      const em = Math.max(0, card.getBoundingClientRect().height - grown) / shown.fontSize;
      seen.set(card.dataset.poolKey ?? '', Math.ceil(em * 4) / 4);
    }
    const live = new Set(pools.map(keyOf));
    const changed = [...seen].some(([key, h]) => known.get(key) !== h);
    const gone = [...known.keys()].some((key) => !live.has(key));
    if (!changed && !gone && heights !== undefined) return;
    const next = new Map([...known].filter(([key]) => live.has(key)));
    for (const [key, h] of seen) next.set(key, h);
    // Measured from the laid-out cards, so it can only be set once they are on the page.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setMeasured({ frame, heights: next });
    // A card's height follows its pool, its change marks and the frame; the page picks which show.
  }, [frame, shown, heights, pools, page, changes, fontsLoaded]);

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
                <Grown key={keyOf(pool)} poolKey={keyOf(pool)} grow={grow.get(keyOf(pool)) ?? 0}>
                  <PoolCard
                    pool={pool}
                    changes={changes}
                    memberSpace={memberSpace}
                    windows={WALL_WINDOWS}
                  />
                </Grown>
              );
            })}
          </div>
        ))}
      </div>
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

/** A card's box, given `grow` pixels of what its column has left (as `--grow`, for its sparkline). */
function Grown({
  poolKey,
  grow,
  children,
}: {
  poolKey: string;
  grow: number;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    box.current?.style.setProperty('--grow', `${grow}px`);
  }, [grow]);
  return (
    <div ref={box} data-pool-key={poolKey}>
      {children}
    </div>
  );
}
