import { createContext, useContext } from 'react';
import type { ChartRow } from './chart-data';

/**
 * The latest figures of every pool in a chart, by pool key. The drawing is kept while bars move
 * less than a pixel, so whatever shows an exact figure (tooltip, read-out) takes it from here.
 */
export const LiveRows = createContext<ReadonlyMap<string, ChartRow>>(new Map());

/** `row` with the latest figures of its pool. */
export function useLiveRow(row: ChartRow): ChartRow {
  return useContext(LiveRows).get(row.key) ?? row;
}
