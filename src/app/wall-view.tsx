import type { UrlState } from '../lib/url-state';
import type { WallProps } from '../features/wall/wall';
import { sortPools } from '../features/pools/sort-pools';
import { loadLaterTexts } from '../lib/i18n/catalogues';
import { viewChunk } from './view-chunk';

/**
 * The wall, a view of its own that a dashboard never shows: its code comes as a chunk of its own,
 * fetched before the first render of a wall (app/start.tsx), or when a page turns into one. The
 * server holds it from the start (`registerWall`), so it renders a wall as it renders a dashboard.
 */
const wall = viewChunk<WallProps>(() =>
  Promise.all([import('../features/wall/wall'), loadLaterTexts()]).then(([m]) => m.Wall),
);

export const registerWall = wall.register;
export const loadWall = wall.load;
/** The wall, ordered as the overview is when its link names an order. */
export function WallView({ url }: { url: UrlState }) {
  return <wall.View url={url} sortPools={sortPools} />;
}
