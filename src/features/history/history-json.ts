import type { AdlRating } from '../../core/adl';
import { exportRowJson, type ExportRow } from '../../core/export-row';
import type { HistoryAnswer } from '../../core/history';
import { poolKey, poolName } from '../../core/pools';
import { isoUtc } from '../../lib/iso-time';
import type { Range } from '../../lib/url-state';
import type { ValueSeries } from './pool-value';

const time = (t: number) => ({ time: isoUtc(t), timeMs: t });

/**
 * The history on screen as JSON: the range, the record's coverage, the symbol's pools over it,
 * its rows (core/export-row: one per point and asset, exact strings, ISO 8601 UTC times, the
 * pool, the dollar index and value where recorded) and the pool's estimated value over time.
 * Nothing becomes a number but times. With `adl`, the symbol's ADL risk ratings over the range
 * as recorded (the first the one it entered the range with), in the exchange's words.
 */
export function historyJson(
  answer: HistoryAnswer,
  range: Range,
  rows: readonly ExportRow[],
  value: ValueSeries,
  demo: boolean,
  adl?: readonly AdlRating[],
): string {
  const body = {
    source: demo ? 'demo' : 'exchange',
    symbol: answer.symbol,
    range,
    from: isoUtc(answer.from),
    to: isoUtc(answer.to),
    thinned: answer.thinned === true,
    coverage: answer.coverage.map(([from, to]) => ({ from: isoUtc(from), to: isoUtc(to) })),
    pools: answer.pools.map((m) => ({
      key: poolKey({ symbols: m.symbols, assets: [] }),
      name: poolName({ symbols: m.symbols, assets: [] }),
      symbols: m.symbols,
      from: isoUtc(m.from),
      to: m.to === null ? null : isoUtc(m.to),
    })),
    rows: rows.map(exportRowJson),
    value: {
      unvalued: value.unvalued,
      points: value.points.map((p) => ({ ...time(p.t), usd: p.value })),
    },
    ...(adl ? { adl: adl.map((r) => ({ ...time(r.updateTime), adlRisk: r.level })) } : {}),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
