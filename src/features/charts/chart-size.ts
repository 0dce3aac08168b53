/** Pixels per bar and around the plot: the chart grows with its pools, so names never overlap. */
export const BAR_PX = 24;
const AXIS_PX = 36;

export function chartHeight(bars: number): number {
  return Math.max(bars * BAR_PX + AXIS_PX, 96);
}
