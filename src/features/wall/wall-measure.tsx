import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Pool } from '../../core/pool-schema';
import type { Changes } from '../../core/changes';
import type { ChangeWindow } from '../../core/history';
import type { MemberLines } from '../../components/member-fit';
import { PoolCard } from '../../components/pool-card';
import { MIN_COLUMN_EM } from './use-page-frame';

/** Heights of the cards in em of the wall's own type, by the key of the card's pool and shape. */
export type CardHeights = ReadonlyMap<string, number>;

export interface WallMeasureProps {
  /** The cards to measure, each with the key its height is kept under. */
  cards: readonly { pool: Pool; key: string }[];
  changes: Changes;
  windows: readonly ChangeWindow[];
  /** The member list as the narrowest column has it. */
  memberSpace: MemberLines | undefined;
  onMeasured: (heights: CardHeights) => void;
}

/** Fonts that come in after a measure (the CJK fallback of a Chinese symbol) change the heights. */
export function useFontsLoaded(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const fonts = typeof document === 'undefined' ? undefined : document.fonts;
    if (!fonts) return undefined;
    const loaded = () => setCount((n) => n + 1);
    fonts.addEventListener('loadingdone', loaded);
    return () => fonts.removeEventListener('loadingdone', loaded);
  }, []);
  return count;
}

/**
 * Every card of the wall, drawn once out of sight in a column of the narrowest width a page can
 * have and at the wall's own type, and measured there: the heights the layout (./layout) works
 * from. They change only with the cards and the type, never with the pages drawn from them, so
 * measuring and laying out never chase each other. The copies carry no test ids (they are not
 * the wall's cards) and are hidden from assistive technology.
 */
export const WallMeasure = memo(function WallMeasure({
  cards,
  changes,
  windows,
  memberSpace,
  onMeasured,
}: WallMeasureProps) {
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = root.current;
    if (!element) return;
    element.style.setProperty('width', `${MIN_COLUMN_EM}em`);
    for (const e of element.querySelectorAll('[data-testid]')) e.removeAttribute('data-testid');
    const px = Number.parseFloat(getComputedStyle(element).fontSize) || 16;
    const heights = new Map<string, number>();
    for (const card of element.querySelectorAll<HTMLElement>('[data-card-key]'))
      // Rounded up to a quarter em: the layout works from heights no smaller than drawn.
      heights.set(
        card.dataset.cardKey ?? '',
        Math.ceil((card.getBoundingClientRect().height / px) * 4) / 4,
      );
    onMeasured(heights);
  }, [cards, onMeasured]);
  return (
    <div ref={root} className="wall-measure" aria-hidden="true" inert>
      {cards.map(({ pool, key }) => (
        <div key={key} data-card-key={key}>
          <PoolCard
            pool={pool}
            changes={changes}
            memberSpace={memberSpace}
            windows={windows}
            testId="wall-measure-card"
          />
        </div>
      ))}
    </div>
  );
});
