import { multiplyDecimals, roundToCents } from '../../core/decimal';
import type { HistoryAnswer } from '../../core/history';
import { membershipAt } from './history-gaps';
import { indexAt } from './pool-value';

/** One point of one asset, with the pool that held it and its dollar value where recorded. */
export interface HistoryRow {
  t: number;
  asset: string;
  /** The upstream's exact string. */
  balance: string;
  /** The members of the pool covering the symbol at `t`, sorted (core/pools `poolKey`). */
  poolSymbols: readonly string[];
  /** The `<ASSET>USD` index recorded last at or before `t`, if any. */
  usdIndex: string | undefined;
  /** `balance × usdIndex`, to the cent. */
  usdValue: string | undefined;
}

/** Every point of the answer, one row per point and asset, by time (then in the answer's asset order). */
export function historyRows(answer: HistoryAnswer): HistoryRow[] {
  const index = new Map((answer.index ?? []).map((x) => [x.asset, x.points]));
  const keys = answer.pools.map((m) => [...m.symbols].sort());
  const rows = answer.series.flatMap((s, order) =>
    s.points.map((p) => {
      const usdIndex = indexAt(index.get(s.asset), p.t);
      return {
        order,
        row: {
          t: p.t,
          asset: s.asset,
          balance: p.balance,
          poolSymbols: keys[membershipAt(answer.pools, p.t)] ?? [],
          usdIndex,
          usdValue:
            usdIndex === undefined
              ? undefined
              : roundToCents(multiplyDecimals(p.balance, usdIndex)),
        },
      };
    }),
  );
  rows.sort((a, b) => a.row.t - b.row.t || a.order - b.order);
  return rows.map((r) => r.row);
}
