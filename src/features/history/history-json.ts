import type { AdlRating } from '../../core/adl';
import type { HistoryAnswer } from '../../core/history';
import { poolName } from '../../core/pools';
import { isoUtc } from '../../lib/iso-time';
import type { Range } from '../../lib/url-state';
import type { HistoryRow } from './history-rows';
import type { ValueSeries } from './pool-value';

const time = (t: number) => ({ time: isoUtc(t), timeMs: t });

/**
 * The history on screen as JSON: the range, the record's coverage, the symbol's pools over it,
 * each asset's points (exact strings, ISO 8601 UTC times, the pool, the dollar index and value
 * where recorded) and the pool's estimated value over time. Nothing becomes a number but times.
 * With `adl`, the symbol's ADL risk ratings over the range as recorded (the first the one it
 * entered the range with), in the exchange's words.
 */
export function historyJson(
  answer: HistoryAnswer,
  range: Range,
  rows: readonly HistoryRow[],
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
      key: [...m.symbols].sort().join(','),
      name: poolName({ symbols: m.symbols, assets: [] }),
      symbols: m.symbols,
      from: isoUtc(m.from),
      to: m.to === null ? null : isoUtc(m.to),
    })),
    series: answer.series.map((s) => ({
      asset: s.asset,
      points: rows
        .filter((r) => r.asset === s.asset)
        .map((r) => ({
          ...time(r.t),
          balance: r.balance,
          poolKey: r.poolSymbols.join(','),
          ...(r.usdIndex === undefined ? {} : { usdIndex: r.usdIndex, usdValue: r.usdValue }),
        })),
    })),
    value: {
      unvalued: value.unvalued,
      points: value.points.map((p) => ({ ...time(p.t), usd: p.value })),
    },
    ...(adl ? { adl: adl.map((r) => ({ ...time(r.updateTime), adlRisk: r.level })) } : {}),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
