import { describe, expect, it } from 'vitest';
import { chartShape } from './chart-rows';
import { piecesOf } from './history-pieces';
import { answer, at } from './test-answer';

const usdt = piecesOf(
  answer.series[0]!.points.map((p) => ({ t: p.t, value: p.balance })),
  answer,
);

describe('chartShape', () => {
  it('cuts the line between pieces with an empty row, and counts only recorded points', () => {
    const shape = chartShape(usdt, 'linear');
    expect(shape.points).toHaveLength(6);
    expect(shape.lines).toBe(3);
    expect(shape.rows.map((r) => (r.y === null ? 'cut' : r.held ? 'held' : r.y))).toEqual([
      300.5,
      310.25,
      'held',
      'cut',
      305,
      307,
      'held',
      'cut',
      38.1,
      37.9,
      'held',
    ]);
    expect(shape.rows.at(-1)).toMatchObject({ t: at(100), y: 37.9 });
  });

  it('draws a zero balance at the log axis’ lower bound and says so', () => {
    const zero = piecesOf(
      [
        { t: at(0), value: '0' },
        { t: at(5), value: '1500' },
      ],
      answer,
    );
    const shape = chartShape(zero, 'log');
    expect(shape.log.floor).toBe(1000);
    expect(shape.points[0]).toMatchObject({ y: 1000, clamped: true, value: '0' });
    expect(shape.points[1]).toMatchObject({ y: 1500, clamped: false });
    expect(chartShape(zero, 'linear').points[0]).toMatchObject({ y: 0, clamped: false });
  });
});
