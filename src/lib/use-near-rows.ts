import { useEffect, useState, type RefObject } from 'react';
import { NEAR_MARGIN } from './near-screen';

/** Rows near from the start, before the browser has said what is on screen: a screenful and more. */
export const FIRST_ROWS = 30;

const FIRST = new Set(Array.from({ length: FIRST_ROWS }, (_, i) => i));

function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * The places (`data-place`) of the rows of `body` that are on screen or within a screen's height
 * of it, kept by one IntersectionObserver over every row. `undefined` while `watch` is off or
 * where the browser cannot tell: then every row counts as near, and nothing is held back.
 */
export function useNearRows(
  body: RefObject<HTMLElement | null>,
  watch: boolean,
  rows: number,
): ReadonlySet<number> | undefined {
  const [near, setNear] = useState<ReadonlySet<number>>(FIRST);
  const observing = watch && typeof IntersectionObserver !== 'undefined';
  useEffect(() => {
    const element = body.current;
    if (!observing || !element) return undefined;
    const current = new Set<number>();
    const io = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const place = Number((entry.target as HTMLElement).dataset.place);
          if (entry.isIntersecting) current.add(place);
          else current.delete(place);
        }
        setNear((shown) => (sameSet(shown, current) ? shown : new Set(current)));
      },
      { rootMargin: NEAR_MARGIN },
    );
    for (const row of element.querySelectorAll(':scope > tr[data-place]')) io.observe(row);
    return () => io.disconnect();
  }, [body, observing, rows]);
  return observing ? near : undefined;
}
