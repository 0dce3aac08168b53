import { useMemo, useState } from 'react';
import { useHistory } from '../../api/history';
import type { RefreshPolicy } from '../../api/refresh-timing';
import type { Range } from '../../lib/url-state';
import { pointsFor, rangeParams } from './range';

/** The history of `symbol` over `range`, asked with as many points as the page is wide. */
export function useSymbolHistory(symbol: string, range: Range, policy: RefreshPolicy) {
  // Fixed for the page's life: a resize does not ask again. (No page width on the server,
  // which renders no history.)
  const [points] = useState(() =>
    pointsFor(typeof document === 'undefined' ? 0 : document.documentElement.clientWidth),
  );
  const params = useMemo(
    () => ({ symbol, points, ...rangeParams(range) }),
    [symbol, points, range],
  );
  return useHistory(params, policy);
}

export type SymbolHistory = ReturnType<typeof useSymbolHistory>;
