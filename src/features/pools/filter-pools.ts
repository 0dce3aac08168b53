import type { Pool } from '../../core/pool-schema';

/** Each pool's members as one lower-case text, built once per pool object. */
const texts = new WeakMap<Pool, string>();

function membersText(pool: Pool): string {
  let text = texts.get(pool);
  if (text === undefined) texts.set(pool, (text = pool.symbols.join('\n').toLowerCase()));
  return text;
}

/** The text a user typed, as the filter compares it: without spaces, case-insensitive. */
export function filterQuery(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/** Pools with at least one member containing the text, in the order given; all of them for an empty text. */
export function filterPools(pools: readonly Pool[], text: string): readonly Pool[] {
  const query = filterQuery(text);
  if (query === '') return pools;
  return pools.filter((pool) => membersText(pool).includes(query));
}
