import { describe, expect, it } from 'vitest';
import { sharedBodyOf } from '../http/encoded.ts';
import type { Answer } from './answer.ts';
import { lookupInList } from './list-lookup.ts';

const POOLS = Array.from({ length: 40 }, (_, i) => ({
  symbols: [`S${i}USDT`, `S${i}USDC`],
  assets: [{ asset: 'USDT', marginBalance: `${i}.50`, updateTime: i }],
}));

const listAnswer = (): Answer => ({
  status: 200,
  body: JSON.stringify(POOLS),
  demo: false,
  fetchedAt: 1,
});

describe('a symbol looked up in the list the proxy holds', () => {
  it('is one answer for as long as its list lives, so its compressed body is made once', () => {
    const list = listAnswer();
    const first = lookupInList(list, 'S7USDT')!;
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual(POOLS[7]);
    expect(lookupInList(list, 'S7USDT')).toBe(first);
    // The other symbol of the same pool has its own answer, with the same pool in it.
    expect(lookupInList(list, 'S7USDC')!.body).toBe(first.body);
    expect(sharedBodyOf(lookupInList(list, 'S7USDT')!, first.body)).toBe(
      sharedBodyOf(first, first.body),
    );
  });

  it('gives every unknown symbol one shared refusal, however many are asked', () => {
    const list = listAnswer();
    const refusals = new Set(
      Array.from({ length: 500 }, (_, i) => lookupInList(list, `NOPE${i}USDT`)),
    );
    expect(refusals.size).toBe(1);
    const [refusal] = refusals;
    expect(refusal!.status).toBe(400);
    expect(JSON.parse(refusal!.body)).toEqual({ code: -1121, msg: 'Invalid symbol.' });
  });

  it('is answered anew from a new list, with the new balances', () => {
    const old = lookupInList(listAnswer(), 'S3USDT')!;
    const next = listAnswer();
    next.body = next.body.replace('"3.50"', '"4.25"');
    const fresh = lookupInList(next, 'S3USDT')!;
    expect(fresh).not.toBe(old);
    expect(fresh.body).toContain('"marginBalance":"4.25"');
  });

  it('is not found in an answer that is not a readable list', () => {
    expect(lookupInList({ ...listAnswer(), body: '{"code":-1}' }, 'S1USDT')).toBeUndefined();
    expect(lookupInList({ ...listAnswer(), status: 500 }, 'S1USDT')).toBeUndefined();
  });
});
