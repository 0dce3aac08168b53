import { createContext, useContext } from 'react';
import type { YAxisTickContentProps } from 'recharts';
import type { ChartRow } from './chart-data';

/**
 * The drawn bars by pool key, for the names beside them. Handed down by context rather than bound
 * into the tick renderer, so the renderer stays one function and Recharts has no cause to draw
 * every name again when nothing about them changed.
 */
export const DrawnRows = createContext<ReadonlyMap<string, ChartRow>>(new Map());

const MAX_LABEL = 24;

function shorten(name: string): string {
  const chars = [...name];
  return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join('')}…` : name;
}

/** A pool's name beside its bar; the searched pool's name is bold and marked, not only coloured. */
export function PoolTick({ x, y, payload }: YAxisTickContentProps) {
  const row = useContext(DrawnRows).get(String(payload.value));
  if (!row) return null;
  const label = shorten(row.name);
  return (
    <text
      x={x}
      y={y}
      dx={-6}
      dy={4}
      textAnchor="end"
      fontSize={12}
      fontWeight={row.highlighted ? 700 : 400}
      style={{ fill: row.highlighted ? 'var(--fg)' : 'var(--chart-text)' }}
    >
      {label === row.name ? null : <title>{row.name}</title>}
      {row.highlighted ? '▶ ' : ''}
      {label}
    </text>
  );
}
