import { useEffect, useState } from 'react';

/**
 * True once the page has painted with `active` set: a frame, then a task after its paint. A
 * lazy chunk (the charts and Recharts) starts only then, so it never stands between an answer
 * and the figures it carries.
 */
export function useAfterPaint(active: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!active || painted) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [active, painted]);
  return painted;
}
