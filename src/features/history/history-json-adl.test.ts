import { describe, expect, it } from 'vitest';
import { buildHistoryFile } from './history-export';
import { answer } from './test-answer';

describe('the history as JSON, with the symbol’s ADL risk ratings', () => {
  it('lists each rating over the range with its time, in the exchange’s words', () => {
    const adl = [
      { symbol: answer.symbol, level: 'low' as const, updateTime: answer.from },
      { symbol: answer.symbol, level: 'high' as const, updateTime: answer.from + 60_000 },
    ];
    const body = JSON.parse(buildHistoryFile(answer, '7d', 'json', false, adl).text) as {
      adl?: { timeMs: number; adlRisk: string; time: string }[];
    };
    expect(body.adl).toEqual([
      { time: new Date(answer.from).toISOString(), timeMs: answer.from, adlRisk: 'low' },
      {
        time: new Date(answer.from + 60_000).toISOString(),
        timeMs: answer.from + 60_000,
        adlRisk: 'high',
      },
    ]);
    // Without ratings at hand the file is as it was.
    expect(JSON.parse(buildHistoryFile(answer, '7d', 'json', false).text)).not.toHaveProperty(
      'adl',
    );
  });
});
