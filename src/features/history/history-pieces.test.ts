import { describe, expect, it } from 'vitest';
import { gapsOf, membershipAt, regroupingsOf } from './history-gaps';
import { piecesOf } from './history-pieces';
import { answer, at } from './test-answer';

const usdt = answer.series[0]!.points.map((p) => ({ t: p.t, value: p.balance }));

describe('the gaps and regroupings of a history', () => {
  it('finds the stretches with no record, including one at either end of the range', () => {
    expect(gapsOf(answer)).toEqual([{ from: at(20), to: at(30) }]);
    expect(gapsOf({ ...answer, coverage: [[at(10), at(90)]] })).toEqual([
      { from: at(0), to: at(10) },
      { from: at(90), to: at(100) },
    ]);
    expect(gapsOf({ ...answer, coverage: [] })).toEqual([{ from: at(0), to: at(100) }]);
  });

  it('puts a point after the old pool was last seen in the new pool', () => {
    expect(membershipAt(answer.pools, at(50))).toBe(0);
    expect(membershipAt(answer.pools, at(50) + 1)).toBe(1);
    expect(membershipAt(answer.pools, at(99))).toBe(1);
  });

  it('marks each change of pool where the new pool was first seen', () => {
    expect(regroupingsOf(answer)).toEqual([
      { at: at(51), before: answer.pools[0], after: answer.pools[1] },
    ]);
    expect(regroupingsOf({ ...answer, from: at(60) })).toEqual([]);
  });
});

describe('piecesOf', () => {
  it('draws no line across a gap in the record or a change of pool', () => {
    const pieces = piecesOf(usdt, answer);
    expect(pieces.map((p) => p.points.map((x) => x.value))).toEqual([
      ['300.5', '310.25'],
      ['305', '307'],
      ['38.1', '37.9'],
    ]);
    expect(pieces.map((p) => p.membership)).toEqual([0, 0, 1]);
    expect(pieces.flatMap((p) => p.points)).toHaveLength(6);
  });

  it('holds each last value until the gap, the end of the pool or the end of the range', () => {
    expect(piecesOf(usdt, answer).map((p) => p.heldTo)).toEqual([at(20), at(50), at(100)]);
  });

  it('keeps a history with no gap and one pool as one line', () => {
    const whole = { ...answer, coverage: [[at(0), at(100)]] as [number, number][] };
    const pieces = piecesOf(usdt.slice(0, 4), { ...whole, pools: [answer.pools[0]!] });
    expect(pieces).toHaveLength(1);
    expect(pieces[0]!.heldTo).toBe(at(50));
  });

  it('gives nothing to draw for a range without points', () => {
    expect(piecesOf([], answer)).toEqual([]);
  });
});
