import type { HistoryReader, SeriesRow } from '../history/adapter.ts';
import { compareDecimals } from '../../src/core/decimal.ts';
import { maxIn } from '../history/thin-series.ts';
import type { Peak } from './judge.ts';

/**
 * The highest recorded balance of each series within each trailing window, kept between
 * recordings: a new point higher than the kept peak replaces it, and only a peak that has left
 * its window (or was never found) is read again from the store (`maxIn`: the hourly levels and
 * the points at the edges). A series belongs to one pool's member set, so a regrouping starts a
 * new series and its jump is never measured against the old pool's balance.
 */
export function createPeaks(db: HistoryReader) {
  const kept = new Map<string, Peak | null>();

  async function peakOf(series: SeriesRow, w: number): Promise<Peak | null> {
    const last = series.last!;
    const key = `${series.id}:${w}`;
    const lo = last.t - w;
    const had = kept.get(key);
    let peak: Peak | null;
    if (had && had.t >= lo && had.t <= last.t)
      peak = compareDecimals(last.balance, had.balance) > 0 ? { ...last } : had;
    else peak = await maxIn(db, series, lo, last.t, compareDecimals);
    kept.set(key, peak);
    return peak;
  }

  return {
    /** The peaks of these series (those with a point) for each window, by series id then window. */
    async of(series: readonly SeriesRow[], windows: readonly number[]) {
      const out = new Map<number, Map<number, Peak | null>>();
      for (const s of series) {
        if (!s.last) continue;
        const byWindow = new Map<number, Peak | null>();
        for (const w of windows) byWindow.set(w, await peakOf(s, w));
        out.set(s.id, byWindow);
      }
      if (kept.size > 4 * Math.max(out.size, 1) * Math.max(windows.length, 1)) kept.clear();
      return out;
    },
  };
}
