import { useMemo, useState } from 'react';
import { useHistory } from '../../api/history';
import type { RefreshPolicy } from '../../api/refresh-timing';
import type { Range } from '../../lib/url-state';
import { gapsOf, regroupingsOf } from './history-gaps';
import { pointsFor, rangeParams } from './range';

/**
 * The history of `symbol` over `range`, asked with as many points as the page is wide, and
 * what it says beside its points: the gaps in the record and the changes of pool.
 */
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
  const result = useHistory(params, policy);
  const answer = result.data;
  const marks = useMemo(
    () => (answer ? { gaps: gapsOf(answer), regroupings: regroupingsOf(answer) } : undefined),
    [answer],
  );
  return { ...result, points, marks };
}
