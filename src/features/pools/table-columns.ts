import type { ChangeWindow } from '../../core/history';
import type { MessageKey } from '../../lib/i18n/en';
import type { Sort } from '../../lib/url-state';

/** A column of the pools table: the sort its heading sets, and its words. */
export interface Column {
  id: string;
  sort: Sort | undefined;
  label: MessageKey;
  /** Figures are right-aligned, text left. */
  figures: boolean;
}

export const CHANGE_COLUMNS: readonly { window: ChangeWindow; sort: Sort }[] = [
  { window: '1h', sort: 'change1h' },
  { window: '24h', sort: 'change24h' },
  { window: '7d', sort: 'change7d' },
];

/** In order: the pool (its name, flags and members), its value, balances, changes, sparkline. */
export const COLUMNS: readonly Column[] = [
  { id: 'pool', sort: 'name', label: 'pools.col.pool', figures: false },
  { id: 'value', sort: 'value', label: 'pools.col.value', figures: true },
  { id: 'balances', sort: 'balance', label: 'pools.col.balances', figures: true },
  ...CHANGE_COLUMNS.map((c) => ({
    id: c.window,
    sort: c.sort,
    label: `change.window.${c.window}` as const,
    figures: true,
  })),
  { id: 'spark', sort: undefined, label: 'pools.col.spark', figures: false },
];
