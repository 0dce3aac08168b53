import { useEffect, useState, type RefObject } from 'react';

/**
 * Lists up to this many pools draw every figure they show (the live answer holds about 40
 * pools). Beyond it, the parts far from the screen wait to be drawn until they near it: drawing
 * 600 rows' figures and 600 bars a chart on every refresh kept the page busy most of each second.
 */
export const FULL_LIST = 100;

/** How far outside the screen an element counts as near: a screen's height above and below. */
export const NEAR_MARGIN = '100% 0px 100% 0px';

/**
 * Whether the element is on screen or within a screen's height of it. While `watch` is off, or
 * where the browser cannot tell (no IntersectionObserver), it counts as near: nothing is held
 * back that could not be brought in again. `initially` is the answer before the first report.
 */
export function useNearScreen(
  ref: RefObject<Element | null>,
  watch: boolean,
  initially: boolean,
): boolean {
  const [near, setNear] = useState(initially);
  const observing = watch && typeof IntersectionObserver !== 'undefined';
  useEffect(() => {
    const element = ref.current;
    if (!observing || !element) return undefined;
    const io = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1];
        if (last) setNear(last.isIntersecting);
      },
      { rootMargin: NEAR_MARGIN },
    );
    io.observe(element);
    return () => io.disconnect();
  }, [observing, ref]);
  return !observing || near;
}
