import type { AdlRating } from '../../core/adl';
import type { HistoryAnswer } from '../../core/history';
import { fileStamp } from '../../lib/iso-time';
import type { Range } from '../../lib/url-state';
import { historyCsv } from './history-csv';
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

/** The file of the history on screen: exactly the answer the chart draws, not asked again. */
export function buildHistoryFile(
  answer: HistoryAnswer,
  range: Range,
  format: HistoryFormat,
  demo: boolean,
  adl?: readonly AdlRating[],
): HistoryFile {
  const rows = historyRows(answer);
  const name = historyFileName(answer, range, format, demo);
  if (format === 'csv') return { name, text: historyCsv(rows), type: 'text/csv;charset=utf-8' };
  const value = valueSeries(answer, Number.MAX_SAFE_INTEGER);
  return {
    name,
    text: historyJson(answer, range, rows, value, demo, adl),
    type: 'application/json;charset=utf-8',
  };
}
