import * as z from 'zod/mini';
import { decimalString } from './pool-schema.ts';

/**
 * `GET /fapi/v1/assetIndex` (Multi-Assets Mode Asset Index): one entry per `<ASSET>USD` pair,
 * e.g. `{"symbol":"BTCUSD","time":1635740268004,"index":"67012.5","bidBuffer":"0.05",…}`. Only
 * `symbol`, `index` and `time` are read; the buffers and rates are left alone.
 */
export const assetIndexEntrySchema = z.object({
  symbol: z.string().check(z.minLength(1)),
  index: decimalString,
  time: z.int().check(z.nonnegative()),
});
export const assetIndexListSchema = z.array(assetIndexEntrySchema);
export type AssetIndexEntry = z.infer<typeof assetIndexEntrySchema>;

/** The asset index symbol that values `asset` in dollars: `BTC` -> `BTCUSD`. */
export function indexSymbolOf(asset: string): string {
  return `${asset}USD`;
}
