import type { AdlRating } from '../../core/adl';
import { exportCsv, poolAdl, ratingsOverTime, type ExportRow } from '../../core/export-row';
import type { HistoryAnswer } from '../../core/history';
import { fileStamp } from '../../lib/iso-time';
import type { Range } from '../../lib/url-state';
import { historyJson } from './history-json';
import { historyRows } from './history-rows';
import { valueSeries } from './pool-value';

export type HistoryFormat = 'csv' | 'json';

export interface HistoryFile {
  name: string;
  text: string;
  type: string;
}

/** `insurance-fund-history-demo-BTCUSDT-7d-2026-12-02T06-30-00Z.csv`: what, which span, up to when. */
export function historyFileName(
  answer: Pick<HistoryAnswer, 'symbol' | 'to'>,
  range: Range,
  format: HistoryFormat,
  demo: boolean,
): string {
  return `insurance-fund-history-${demo ? 'demo-' : ''}${answer.symbol}-${range}-${fileStamp(answer.to)}.${format}`;
}

/**
 * The rows with the ADL columns of their pool as rated at each row's time (the balance's): the
 * latest of the rating changes at hand at or before it; a member without one is unrated. The rows
 * come by time (history-rows).
 */
function ratedRows(rows: readonly ExportRow[], adl: readonly AdlRating[]): ExportRow[] {
  const ratings = ratingsOverTime();
  ratings.add(adl);
  return rows.map((row) => ({ ...row, adl: poolAdl(row.symbols, ratings.at(row.updateTime)) }));
}

/**
 * The file of the history on screen: exactly the answer the chart draws, not asked again. With
 * `adl` (the symbol's rating changes), the CSV adds the ADL columns as rated at each row's time.
 */
export function buildHistoryFile(
  answer: HistoryAnswer,
  range: Range,
  format: HistoryFormat,
  demo: boolean,
  adl?: readonly AdlRating[],
): HistoryFile {
  const rows = historyRows(answer);
  const name = historyFileName(answer, range, format, demo);
  if (format === 'csv')
    return {
      name,
      text: adl ? exportCsv(ratedRows(rows, adl), true) : exportCsv(rows),
      type: 'text/csv;charset=utf-8',
    };
  const value = valueSeries(answer, Number.MAX_SAFE_INTEGER);
  return {
    name,
    text: historyJson(answer, range, rows, value, demo, adl),
    type: 'application/json;charset=utf-8',
  };
}
