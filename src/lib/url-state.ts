import * as z from 'zod/mini';
import { DEFAULT_LOW_USD } from '../core/flags';
import { LANGS, type Lang } from '../core/lang';
import { normalizeSymbol } from '../core/symbol';

/**
 * Everything a link can carry, parsed with zod at the edge. A missing, repeated or bad value
 * falls back to its default; parsing never throws and never rejects a whole URL.
 */
export { LANGS, type Lang };
export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];
export const VIEWS = ['dashboard', 'wall'] as const;
export type View = (typeof VIEWS)[number];
/**
 * `value`, the pool's estimated worth in dollars, is the default; `change1h`, `change24h` and
 * `change7d` order by the pool's change over that window, as a share (core/value-change); `adl`
 * by the members the exchange rates high for ADL risk, most first (core/adl).
 */
export const SORTS = [
  'value',
  'balance',
  'members',
  'name',
  'change1h',
  'change24h',
  'change7d',
  'adl',
] as const;
export type Sort = (typeof SORTS)[number];

/**
 * The order a sort starts in: names A to Z, changes with the largest fall first, everything else
 * largest first. A link gives `dir` only when it is the other one.
 */
export function naturalDir(sort: Sort): 'asc' | 'desc' {
  return sort === 'name' || sort.startsWith('change') ? 'asc' : 'desc';
}
export const SCALES = ['log', 'linear'] as const;
export type Scale = (typeof SCALES)[number];
/** The span of the symbol view's history, ending now; `all` is everything recorded. */
export const RANGES = ['1h', '24h', '7d', '30d', 'all'] as const;
export type Range = (typeof RANGES)[number];
const HOUR = 3_600_000;
/** Each range but `all` as the span it covers, in ms, for every part that asks the history for one. */
export const RANGE_MS: Record<Exclude<Range, 'all'>, number> = {
  '1h': HOUR,
  '24h': 24 * HOUR,
  '7d': 7 * 24 * HOUR,
  '30d': 30 * 24 * HOUR,
};
/** A week: long enough to show a regrouping or a drawdown, short enough to read hour by hour. */
export const DEFAULT_RANGE: Range = '7d';

/** Every parameter a link can carry besides `symbol`. */
export const URL_PARAMS = [
  'view',
  'refresh',
  'lang',
  'theme',
  'sort',
  'asset',
  'dir',
  'filter',
  'scale',
  'low',
  'range',
  'hold',
] as const;

export const DEFAULT_REFRESH_S = 60;
/** Minutes the wall keeps a drop's banner up, whatever snapshots come after it. */
export const DEFAULT_HOLD_MIN = 60;
const MAX_HOLD_MIN = 24 * 60;
const MAX_REFRESH_S = 24 * 3600;
const MAX_FILTER_LENGTH = 40;
/** A dollar amount as a link writes it: whole dollars, or dollars and cents (`250000`, `1e6` is not). */
const USD_AMOUNT = /^\d{1,15}(?:\.\d{1,2})?$/;

/** A symbol as typed in the link: kept as typed for the message, checked for the request. */
export type SymbolParam =
  { raw: string; symbol: string; valid: true } | { raw: string; valid: false };

export interface UrlState {
  symbol: SymbolParam | undefined;
  view: View;
  refresh: number;
  /** `undefined`: not in the link, so the browser's language decides. */
  lang: Lang | undefined;
  /** `undefined`: not in the link, so the view's default applies. */
  theme: Theme | undefined;
  sort: Sort;
  /** Whether the link names its order (`sort=`, or `asset=` for a balance): the wall keeps its own otherwise. */
  sortGiven?: boolean;
  /** Asset whose balance the `balance` sort orders by; any asset name the data may hold. */
  asset: string | undefined;
  dir: 'asc' | 'desc';
  filter: string;
  scale: Scale;
  /** Whether the link names its scale: a history over time opens fitted (linear) otherwise. */
  scaleGiven?: boolean;
  /** The Low flag's threshold in dollars, an exact decimal string (core/flags). */
  low: string;
  /** The span of the symbol view's history. */
  range: Range;
  /** The link's `range=` when it names no range this view knows (`range` is then the default). */
  rangeIgnored?: string;
  /** Minutes the wall keeps a drop's banner up (`?hold=`, 1 to 1440). */
  hold: number;
}

// zod/mini: the same checks as the full build at a fraction of the entry chunk's weight.
const fallback = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => fallback(z.enum(values));

const paramsSchema = z.object({
  view: oneOf(VIEWS),
  refresh: fallback(
    z.pipe(z.coerce.number(), z.int().check(z.minimum(1), z.maximum(MAX_REFRESH_S))),
  ),
  lang: oneOf(LANGS),
  theme: oneOf(THEMES),
  sort: oneOf(SORTS),
  asset: fallback(z.string().check(z.regex(/^[A-Z0-9]{1,20}$/))),
  dir: oneOf(['asc', 'desc'] as const),
  filter: fallback(z.string().check(z.maxLength(MAX_FILTER_LENGTH))),
  scale: oneOf(SCALES),
  low: fallback(z.string().check(z.regex(USD_AMOUNT))),
  range: oneOf(RANGES),
  hold: fallback(z.pipe(z.coerce.number(), z.int().check(z.minimum(1), z.maximum(MAX_HOLD_MIN)))),
});

/**
 * What a link keeps of a filter typed or linked: letters of any script, digits and `_` (what a
 * symbol is made of), at most 40 of them. The list is narrowed by this text.
 */
export function filterOf(text: string): string {
  return text.replace(/[^\p{L}\p{M}\p{N}_]/gu, '').slice(0, MAX_FILTER_LENGTH);
}

/** A parameter given once; a repeated or absent one is `undefined`. */
function single(params: URLSearchParams, name: string): string | undefined {
  const all = params.getAll(name);
  return all.length === 1 ? all[0] : undefined;
}

function parseSymbol(raw: string | undefined): SymbolParam | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const check = normalizeSymbol(raw);
  return check.ok ? { raw, symbol: check.symbol, valid: true } : { raw, valid: false };
}

export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const input = Object.fromEntries(URL_PARAMS.map((n) => [n, single(params, n)]));
  const p = paramsSchema.parse(input);
  return {
    symbol: parseSymbol(single(params, 'symbol')),
    view: p.view ?? 'dashboard',
    refresh: p.refresh ?? DEFAULT_REFRESH_S,
    lang: p.lang,
    theme: p.theme,
    // A link from before the value sort that names an asset meant its balance.
    sort: p.sort ?? (p.asset === undefined ? 'value' : 'balance'),
    asset: p.asset,
    ...(p.sort !== undefined || p.asset !== undefined ? { sortGiven: true } : {}),
    dir: p.dir ?? naturalDir(p.sort ?? 'value'),
    filter: filterOf(p.filter ?? ''),
    scale: p.scale ?? 'log',
    ...(p.scale !== undefined ? { scaleGiven: true } : {}),
    low: p.low === undefined ? DEFAULT_LOW_USD : p.low.replace(/^0+(?=\d)/, ''),
    range: p.range ?? DEFAULT_RANGE,
    ...ignoredRange(single(params, 'range'), p.range),
    hold: p.hold ?? DEFAULT_HOLD_MIN,
  };
}

/** A `range=` given once but naming no range: kept, so the view can say what it did instead. */
function ignoredRange(raw: string | undefined, range: Range | undefined) {
  return raw !== undefined && raw.trim() !== '' && range === undefined
    ? { rangeIgnored: raw.slice(0, 40) }
    : {};
}

export type UrlPatch = Partial<
  Record<
    | 'symbol'
    | 'view'
    | 'refresh'
    | 'lang'
    | 'theme'
    | 'sort'
    | 'asset'
    | 'dir'
    | 'filter'
    | 'scale'
    | 'low'
    | 'range'
    | 'hold',
    string | number | undefined
  >
>;

/** The search string with `patch` applied: `undefined` or `''` removes a parameter. Other parameters are kept. */
export function withParams(search: string, patch: UrlPatch): string {
  const params = new URLSearchParams(search);
  for (const [name, value] of Object.entries(patch)) {
    if (value === undefined || value === '') params.delete(name);
    else params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
