import { useEffect, useState, type RefObject } from 'react';
import type { PageFrame } from './paginate';

/** Narrowest column, in `em` of the wall: wide enough for a nine-digit balance with its decimals. */
export const MIN_COLUMN_EM = 24;
export const GAP_EM = 0.75;

export interface MeasuredFrame extends PageFrame {
  fontSize: number;
}

const EMPTY: MeasuredFrame = { width: 0, height: 0, minColumnWidth: 0, gap: 0, fontSize: 16 };

/**
 * The size of the area the pages fill, and the wall's own type size (of the element around the
 * area: the area's may be set larger to fill its pages, ./fill). ResizeObserver reports before the
 * browser paints, so the first page shows already laid out.
 */
export function usePageFrame(ref: RefObject<HTMLElement | null>): MeasuredFrame {
  const [frame, setFrame] = useState<MeasuredFrame>(EMPTY);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      const root = element.parentElement ?? element;
      const fontSize = Number.parseFloat(getComputedStyle(root).fontSize) || 16;
      const width = element.clientWidth;
      const height = element.clientHeight;
      setFrame((old) =>
        old.width === width && old.height === height && old.fontSize === fontSize
          ? old
          : {
              width,
              height,
              fontSize,
              gap: GAP_EM * fontSize,
              minColumnWidth: MIN_COLUMN_EM * fontSize,
            },
      );
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return frame;
}
