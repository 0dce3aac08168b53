import { useState, type KeyboardEvent } from 'react';

/**
 * Where `key` takes the cursor from `active` (`undefined` while it is on no item) in a chart of
 * `count` items; `undefined` when the key is no move.
 */
export type CursorMove = (
  key: string,
  active: number | undefined,
  count: number,
) => number | undefined;

/**
 * The item the keyboard is on in a chart of `count` items: `move` says where each key goes (never
 * out of the chart), Escape or leaving the chart lets go, Enter hands the item to `open`.
 */
export function useKeyCursor(count: number, move: CursorMove, open?: (index: number) => void) {
  const [index, setIndex] = useState<number | undefined>(undefined);
  const active = index === undefined || count === 0 ? undefined : Math.min(index, count - 1);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') return setIndex(undefined);
    if (event.key === 'Enter' && open && active !== undefined) {
      event.preventDefault();
      return open(active);
    }
    const next = move(event.key, active, count);
    if (next === undefined || count === 0) return;
    event.preventDefault();
    setIndex(Math.max(0, Math.min(count - 1, next)));
  }

  return { active, onKeyDown, onBlur: () => setIndex(undefined) };
}
