import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Pool } from '../../core/pool-schema';
import { PoolCard } from '../../components/pool-card';
import type { Changes } from '../../core/changes';
import { useI18n } from '../../lib/i18n/i18n';
import { poolKey } from '../../core/pools';
import { memberSpaceFor } from './member-space';
import { columnsFor, estimateHeight, paginateEvenly } from './paginate';
import { usePageFrame, type MeasuredFrame } from './use-page-frame';

/** Beyond this many pages the indicator is words only. */
const MAX_DOTS = 40;

/** A refresh keeps an unchanged member list as the same array, so its key is sorted out once. */
const keys = new WeakMap<readonly string[], string>();
function keyOf(pool: Pool): string {
  let key = keys.get(pool.symbols);
  if (key === undefined) keys.set(pool.symbols, (key = poolKey(pool)));
  return key;
}

/** Heights of cards as last shown, valid for one frame size only (type scales with the screen). */
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
  return new Map([...sums].map(([count, [sum, n]]) => [count, Math.ceil(sum / n)]));
}

export interface WallPagesProps {
  pools: readonly Pool[];
  changes: Changes;
  /** Counts page turns; the page shown is this modulo the number of pages. */
  tick: number;
}

/**
 * The pools in the exchange's order, as many as fit the screen at once, a page at a time. Only
 * the page shown is rendered; each card is measured when shown, so pages never overflow.
 */
export const WallPages = memo(function WallPages({ pools, changes, tick }: WallPagesProps) {
  const i18n = useI18n();
  const area = useRef<HTMLDivElement>(null);
  const frame = usePageFrame(area);
  const [measured, setMeasured] = useState<Measured>({ frame: undefined, heights: new Map() });
  const heights = measured.frame === frame ? measured.heights : undefined;

  const pages = useMemo(() => {
    if (frame.height === 0) return [];
    const known = heights ?? new Map<string, number>();
    const byAssets = meanByAssets(pools, known);
    const sizes = pools.map(
      (p) => known.get(keyOf(p)) ?? estimateHeight(p.assets.length, byAssets, frame.fontSize),
    );
    return paginateEvenly(sizes, frame);
  }, [pools, heights, frame]);
  const index = pages.length > 0 ? tick % pages.length : 0;
  const page = pages[index];
  const columns = frame.height === 0 ? 0 : columnsFor(frame);
  const memberSpace = useMemo(() => memberSpaceFor(frame), [frame]);

  useLayoutEffect(() => {
    const root = area.current;
    if (!root || frame.height === 0) return;
    const known = heights ?? new Map<string, number>();
    const seen = new Map<string, number>();
    for (const card of root.querySelectorAll<HTMLElement>('[data-pool-key]')) {
      seen.set(card.dataset.poolKey ?? '', Math.ceil(card.getBoundingClientRect().height));
    }
    const live = new Set(pools.map(keyOf));
    const changed = [...seen].some(([key, h]) => known.get(key) !== h);
    const gone = [...known.keys()].some((key) => !live.has(key));
    if (!changed && !gone && heights !== undefined) return;
    const next = new Map([...known].filter(([key]) => live.has(key)));
    for (const [key, h] of seen) next.set(key, h);
    setMeasured({ frame, heights: next });
    // A card's height follows its pool, its change marks and the frame; the page picks which show.
  }, [frame, heights, pools, page, changes]);

  return (
    <>
      <div ref={area} className="wall-pages" data-testid="wall-pages">
        {Array.from({ length: columns }, (_, c) => (
          <div key={c} className="wall-column">
            {(page?.[c] ?? []).map((i) => {
              const pool = pools[i]!;
              return (
                <div key={keyOf(pool)} data-pool-key={keyOf(pool)}>
                  <PoolCard pool={pool} changes={changes} memberSpace={memberSpace} />
                </div>
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
