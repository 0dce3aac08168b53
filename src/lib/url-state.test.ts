import { describe, expect, it } from 'vitest';
import { parseUrlState, withParams } from './url-state';

describe('parseUrlState', () => {
  it('gives the defaults for an empty link', () => {
    expect(parseUrlState('')).toEqual({
      symbol: undefined,
      view: 'dashboard',
      refresh: 60,
      lang: undefined,
      theme: undefined,
      sort: 'value',
      asset: undefined,
      dir: 'desc',
      filter: '',
      scale: 'log',
      low: '100000',
      range: '7d',
      hold: 60,
    });
  });

  it('reads every parameter of a shared link', () => {
    const s = parseUrlState(
      '?symbol=btcusdt&view=wall&refresh=15&lang=zh-CN&theme=dark&sort=name&scale=linear&filter=pepe&asset=USDC',
    );
    expect(s.symbol).toEqual({ raw: 'btcusdt', symbol: 'BTCUSDT', valid: true });
    expect(s).toMatchObject({
      view: 'wall',
      refresh: 15,
      lang: 'zh-CN',
      theme: 'dark',
      sort: 'name',
      dir: 'asc',
      scale: 'linear',
      filter: 'pepe',
      asset: 'USDC',
    });
  });

  it('keeps the sorts of older links, and sorts by dollar value without one', () => {
    for (const sort of ['balance', 'members', 'name', 'value'])
      expect(parseUrlState(`?sort=${sort}`).sort).toBe(sort);
    expect(parseUrlState('?sort=balance&asset=USDC')).toMatchObject({
      sort: 'balance',
      asset: 'USDC',
      dir: 'desc',
    });
    // Before the value sort, a link naming an asset sorted by its balance; it still does.
    expect(parseUrlState('?asset=USDC').sort).toBe('balance');
    expect(parseUrlState('?asset=USDC&sort=value').sort).toBe('value');
  });

  it('reads the Low threshold in dollars, and falls back to 100,000 for a bad one', () => {
    expect(parseUrlState('?low=250000').low).toBe('250000');
    expect(parseUrlState('?low=1500.5').low).toBe('1500.5');
    expect(parseUrlState('?low=0').low).toBe('0');
    expect(parseUrlState('?low=00750').low).toBe('750');
    for (const bad of ['-5', '1e6', 'abc', '1,000', '1.234', '', '1000000000000000', ' 5'])
      expect(parseUrlState(`?low=${encodeURIComponent(bad)}`).low, bad).toBe('100000');
    expect(parseUrlState('?low=5&low=6').low).toBe('100000');
  });

  it('reads a percent-encoded non-ASCII symbol', () => {
    expect(parseUrlState(`?symbol=${encodeURIComponent('币安人生usdt')}`).symbol).toEqual({
      raw: '币安人生usdt',
      symbol: '币安人生USDT',
      valid: true,
    });
  });

  it('falls back to defaults for bad, repeated or out-of-range values', () => {
    const s = parseUrlState(
      '?view=admin&refresh=0&lang=fr&theme=neon&sort=evil&dir=up&scale=cubic&view=wall',
    );
    expect(s).toMatchObject({
      view: 'dashboard',
      refresh: 60,
      lang: undefined,
      theme: undefined,
      sort: 'value',
      dir: 'desc',
      scale: 'log',
    });
    expect(parseUrlState('?refresh=1.5').refresh).toBe(60);
    expect(parseUrlState('?refresh=-3').refresh).toBe(60);
    expect(parseUrlState('?refresh=1e3').refresh).toBe(1000);
    expect(parseUrlState('?refresh=abc').refresh).toBe(60);
    expect(parseUrlState('?refresh=1&refresh=2').refresh).toBe(60);
  });

  it('keeps a hostile symbol only as text to report, never as a symbol to ask for', () => {
    for (const raw of [
      '../../fapi/v1/order',
      '<script>alert(1)</script>',
      'A'.repeat(5000),
      'BTC\u0000USDT',
    ]) {
      expect(parseUrlState(`?symbol=${encodeURIComponent(raw)}`).symbol).toEqual({
        raw,
        valid: false,
      });
    }
    expect(parseUrlState('?symbol=A&symbol=B').symbol).toBeUndefined();
    expect(parseUrlState('?symbol=%20%20').symbol).toBeUndefined();
  });

  it('reads the history range of a bookmark, and falls back to the last 7 days for a bad one', () => {
    for (const range of ['1h', '24h', '7d', '30d', 'all'])
      expect(parseUrlState(`?symbol=BTCUSDT&range=${range}`).range).toBe(range);
    for (const bad of ['1d', '24H', 'ALL', '', '365d', '<b>'])
      expect(parseUrlState(`?range=${encodeURIComponent(bad)}`).range, bad).toBe('7d');
    expect(parseUrlState('?range=1h&range=30d').range).toBe('7d');
  });

  it('keeps a bad range as text to report, and nothing for a good, empty or repeated one', () => {
    expect(parseUrlState('?range=99d').rangeIgnored).toBe('99d');
    expect(parseUrlState(`?range=${'x'.repeat(500)}`).rangeIgnored).toBe('x'.repeat(40));
    for (const fine of ['?range=30d', '?range=', '?range=1h&range=99d', ''])
      expect(parseUrlState(fine).rangeIgnored, fine).toBeUndefined();
  });

  it('keeps only symbol characters in the filter', () => {
    expect(parseUrlState('?filter=%3Cb%3Epepe').filter).toBe('bpepe');
  });

  it('sorts a change with the largest fall first unless the link says otherwise', () => {
    expect(parseUrlState('?sort=change24h')).toMatchObject({ sort: 'change24h', dir: 'asc' });
    expect(parseUrlState('?sort=change7d&dir=desc')).toMatchObject({ dir: 'desc' });
    expect(parseUrlState('?sort=change2h').sort).toBe('value');
  });

  it('holds a drop on the wall for the minutes the link gives, an hour for anything else', () => {
    expect(parseUrlState('?hold=15').hold).toBe(15);
    expect(parseUrlState('?hold=1440').hold).toBe(1440);
    for (const bad of ['0', '-5', '1441', '2.5', 'abc', '', '15&hold=20'])
      expect(parseUrlState(`?hold=${bad}`).hold, bad).toBe(60);
  });
});

describe('withParams', () => {
  it('changes what it is given and keeps the rest of the link', () => {
    expect(withParams('?lang=zh-CN&view=wall', { symbol: 'BTCUSDT' })).toBe(
      '?lang=zh-CN&view=wall&symbol=BTCUSDT',
    );
    expect(withParams('?symbol=BTCUSDT', { symbol: undefined })).toBe('');
  });
});

describe('what the link names itself', () => {
  it('says whether the order and the scale come from the link, so a view may keep its own', () => {
    expect(parseUrlState('?view=wall').sortGiven).toBeUndefined();
    expect(parseUrlState('?view=wall&sort=name').sortGiven).toBe(true);
    expect(parseUrlState('?asset=USDC').sortGiven).toBe(true);
    expect(parseUrlState('?sort=nonsense').sortGiven).toBeUndefined();
    expect(parseUrlState('?symbol=BTCUSDT').scaleGiven).toBeUndefined();
    expect(parseUrlState('?symbol=BTCUSDT&scale=log').scaleGiven).toBe(true);
  });
});
