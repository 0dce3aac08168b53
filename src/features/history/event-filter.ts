import type { HistoryEvent } from '../../core/history';

/**
 * The events of the pools that covered `symbol`: those whose pool (then) or former pool holds
 * it, or that name it. A drop of the pool it was in then is its pool's, though the members
 * have changed since.
 */
export function eventsOfSymbol(events: readonly HistoryEvent[], symbol: string): HistoryEvent[] {
  return events.filter(
    (e) =>
      e.pool.includes(symbol) ||
      e.symbols.includes(symbol) ||
      e.fromPool?.includes(symbol) === true,
  );
}
