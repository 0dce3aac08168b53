import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeSymbol, SYMBOL_MAX_LENGTH } from '../core/symbol';
import {
  DEFAULT_REFRESH_S,
  LANGS,
  parseUrlState,
  RANGES,
  SCALES,
  SORTS,
  THEMES,
  URL_PARAMS,
  VIEWS,
  withParams,
  type UrlState,
} from './url-state';

const NAMES = ['symbol', ...URL_PARAMS] as const;

/** Values a mangled or malicious link may carry. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }),
  fc.constantFrom(
    '',
    '   ',
    'A'.repeat(5000),
    'BTC\u0000USDT',
    '\u0007\u001b[31m',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '../../fapi/v1/order',
    '..%2F..%2Ffapi%2Fv1%2Forder',
    '%252e%252e%252f',
    '%E0%A4%A',
    '%',
    '%00',
    '\uD800',
    'javascript:alert(1)',
    'BTCUSDT&symbol=ETHUSDT',
    '1e3',
    '-1',
    'NaN',
    'Infinity',
    '0x10',
    'constructor',
    '__proto__',
    'toString',
  ),
);

/** Percent-encodes as a form does; a lone surrogate becomes U+FFFD, as in a browser. */
const encode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
/** The value as the parser will see it after decoding. */
const decoded = (value: string) => new URLSearchParams({ v: value }).get('v')!;

/** A raw query string, encoded in any of the ways a link may arrive: plain, percent-encoded, twice, or not at all. */
const search = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 8 })),
      hostile,
      fc.constantFrom('plain', 'encoded', 'twice', 'raw'),
    ),
    { maxLength: 8 },
  )
  .map(
    (pairs) =>
      `?${pairs
        .map(([name, value, how]) => {
          const once = encode(value);
          const v =
            how === 'encoded'
              ? once
              : how === 'twice'
                ? encode(once)
                : how === 'raw'
                  ? value
                  : value.replace(/[&#]/g, '');
          return `${name}=${v}`;
        })
        .join('&')}`,
  );

const anySearch = fc.oneof(search, fc.string({ unit: 'binary', maxLength: 200 }));

function parse(input: string): UrlState {
  let state: UrlState | undefined;
  expect(() => {
    state = parseUrlState(input);
  }).not.toThrow();
  return state!;
}

/** The invariants the rest of the app relies on, whatever the link said. */
function expectUsable(state: UrlState) {
  expect(VIEWS).toContain(state.view);
  expect(SORTS).toContain(state.sort);
  expect(SCALES).toContain(state.scale);
  expect(RANGES).toContain(state.range);
  expect(['asc', 'desc']).toContain(state.dir);
  if (state.lang !== undefined) expect(LANGS).toContain(state.lang);
  if (state.theme !== undefined) expect(THEMES).toContain(state.theme);
  expect(Number.isInteger(state.refresh)).toBe(true);
  expect(state.refresh).toBeGreaterThanOrEqual(1);
  expect(state.refresh).toBeLessThanOrEqual(24 * 3600);
  if (state.asset !== undefined) expect(state.asset).toMatch(/^[A-Z0-9]{1,20}$/);
  expect(state.filter).toMatch(/^[\p{L}\p{M}\p{N}_]{0,40}$/u);
  expect(state.low).toMatch(/^(?:0|[1-9]\d{0,14})(?:\.\d{1,2})?$/);
  const symbol = state.symbol;
  if (symbol === undefined) return;
  if (symbol.valid) {
    expect(symbol.symbol).toMatch(/^[\p{L}\p{M}\p{N}_]+$/u);
    expect([...symbol.symbol].length).toBeLessThanOrEqual(SYMBOL_MAX_LENGTH);
    expect(symbol.symbol).not.toMatch(/[a-z]/);
  } else {
    // What the screen says about it: the reason, in terms of the symbol field.
    const check = normalizeSymbol(symbol.raw);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(['empty', 'too-long', 'characters']).toContain(check.reason);
  }
}

describe('the URL parser, fed generated links', () => {
  it('never throws, and every field it returns is one the app can use', () => {
    fc.assert(
      fc.property(anySearch, (input) => expectUsable(parse(input))),
      { numRuns: 1000 },
    );
  });

  it('never turns a value that cannot be a symbol into one to ask the endpoint for', () => {
    fc.assert(
      fc.property(hostile, (raw) => {
        const state = parse(`?symbol=${encode(raw)}`);
        const seen = decoded(raw);
        if (state.symbol?.valid)
          expect(state.symbol.symbol).toBe(seen.trim().replace(/[a-z]+/g, (s) => s.toUpperCase()));
        else if (seen.trim() !== '') expect(state.symbol).toEqual({ raw: seen, valid: false });
        else expect(state.symbol).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('falls back to the default for any parameter given more than once', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NAMES),
        fc.array(hostile, { minLength: 2, maxLength: 4 }),
        (name, values) => {
          const input = `?${values.map((v) => `${name}=${encode(v)}`).join('&')}`;
          expect(parse(input)).toEqual(parseUrlState(''));
        },
      ),
    );
  });

  it('reads back every valid state it writes', () => {
    const valid = fc.record({
      symbol: fc.option(fc.stringMatching(/^[A-Z0-9]{2,12}USDT$/), { nil: undefined }),
      view: fc.constantFrom(...VIEWS),
      refresh: fc.integer({ min: 1, max: 24 * 3600 }),
      lang: fc.constantFrom(...LANGS),
      theme: fc.constantFrom(...THEMES),
      sort: fc.constantFrom(...SORTS),
      dir: fc.constantFrom('asc', 'desc'),
      scale: fc.constantFrom(...SCALES),
      filter: fc.stringMatching(/^[A-Za-z0-9_]{0,40}$/),
      low: fc.stringMatching(/^(?:0|[1-9]\d{0,14})(?:\.\d{1,2})?$/),
      range: fc.constantFrom(...RANGES),
    });
    fc.assert(
      fc.property(anySearch, valid, (before, patch) => {
        const state = parse(withParams(before, patch));
        expect(state).toMatchObject({ ...patch, symbol: state.symbol });
        expect(state.symbol?.valid ? state.symbol.symbol : undefined).toBe(patch.symbol);
      }),
    );
  });

  it('keeps the default refresh for anything but whole seconds in range', () => {
    fc.assert(
      fc.property(hostile, (raw) => {
        const seen = decoded(raw);
        const n = Number(seen);
        const inRange = seen.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= 24 * 3600;
        expect(parse(`?refresh=${encode(raw)}`).refresh).toBe(inRange ? n : DEFAULT_REFRESH_S);
      }),
    );
  });
});
