/**
 * The demo's `GET /fapi/v1/assetIndex` (Binance's "Multi-Assets Mode Asset Index"): one entry per
 * `<ASSET>USD` pair in the documented shape, every figure an exact 8-decimal string. The indices
 * move a little each step, as a function of time alone, so seeded history can carry the index of
 * any past moment (`demoIndexAt`). There is deliberately no entry for BNFCR, as the demo's majors
 * pool holds it, so the dashboard's "not valued" path shows.
 */
import type { Fault } from './upstream.ts';

const UNIT = 100_000_000n;
export const DEFAULT_INDEX_STEP_MS = 5_000;

interface Model {
  asset: string;
  /** The index around which this one moves. */
  level: number;
  /** How far it swings, as a share of `level`. */
  swing: number;
  /** `bidBuffer`/`askBuffer` and the auto-exchange buffers, as the exchange publishes them. */
  buffer: string;
  autoBuffer: string;
}

const MODELS: Model[] = [
  { asset: 'USDT', level: 0.99987, swing: 0.0002, buffer: '0.00010000', autoBuffer: '0.00010000' },
  { asset: 'USDC', level: 0.99994, swing: 0.0002, buffer: '0.00010000', autoBuffer: '0.00010000' },
  { asset: 'FDUSD', level: 0.99962, swing: 0.0004, buffer: '0.00100000', autoBuffer: '0.00050000' },
  { asset: 'BFUSD', level: 0.99981, swing: 0.0002, buffer: '0.00050000', autoBuffer: '0.00025000' },
  { asset: 'BTC', level: 94712.3, swing: 0.012, buffer: '0.05000000', autoBuffer: '0.02500000' },
  { asset: 'ETH', level: 3412.55, swing: 0.018, buffer: '0.05000000', autoBuffer: '0.02500000' },
  { asset: 'BNB', level: 905.21, swing: 0.015, buffer: '0.05000000', autoBuffer: '0.02500000' },
  { asset: 'SOL', level: 187.42, swing: 0.022, buffer: '0.08000000', autoBuffer: '0.04000000' },
  { asset: 'XRP', level: 2.3412, swing: 0.025, buffer: '0.10000000', autoBuffer: '0.05000000' },
  { asset: 'ADA', level: 0.72153, swing: 0.028, buffer: '0.10000000', autoBuffer: '0.05000000' },
  { asset: 'DOGE', level: 0.22318, swing: 0.03, buffer: '0.10000000', autoBuffer: '0.05000000' },
];

export interface DemoIndexEntry {
  symbol: string;
  time: number;
  index: string;
  bidBuffer: string;
  askBuffer: string;
  bidRate: string;
  askRate: string;
  autoExchangeBidBuffer: string;
  autoExchangeAskBuffer: string;
  autoExchangeBidRate: string;
  autoExchangeAskRate: string;
}

function units(value: string): bigint {
  const [whole = '0', fraction = ''] = value.split('.');
  return BigInt(whole) * UNIT + BigInt(fraction.padEnd(8, '0').slice(0, 8));
}

function format(value: bigint): string {
  return `${value / UNIT}.${(value % UNIT).toString().padStart(8, '0')}`;
}

/** `index × (1 ± buffer)`, truncated to 8 decimals. */
function rate(index: bigint, buffer: string, sign: 1n | -1n): string {
  return format((index * (UNIT + sign * units(buffer))) / UNIT);
}

/** A slow wave, a faster one and a ripple: smooth, bounded by `swing`, the same at every call. */
function wave(t: number, seed: number): number {
  const h = 3_600_000;
  return (
    0.6 * Math.sin((2 * Math.PI * t) / (5 * h) + seed) +
    0.3 * Math.sin((2 * Math.PI * t) / (0.79 * h) + 2 * seed) +
    0.1 * Math.sin((2 * Math.PI * t) / (0.12 * h) + 3 * seed)
  );
}

const indexOf = (model: Model, i: number, time: number) =>
  BigInt(Math.round(model.level * (1 + model.swing * wave(time, i + 1)) * 1e8));

function entryAt(model: Model, i: number, time: number): DemoIndexEntry {
  const index = indexOf(model, i, time);
  return {
    symbol: `${model.asset}USD`,
    time,
    index: format(index),
    bidBuffer: model.buffer,
    askBuffer: model.buffer,
    bidRate: rate(index, model.buffer, -1n),
    askRate: rate(index, model.buffer, 1n),
    autoExchangeBidBuffer: model.autoBuffer,
    autoExchangeAskBuffer: model.autoBuffer,
    autoExchangeBidRate: rate(index, model.autoBuffer, -1n),
    autoExchangeAskRate: rate(index, model.autoBuffer, 1n),
  };
}

/** Every entry as the demo exchange published it at `t` (indices change once per step). */
export function demoIndexAt(t: number, stepMs = DEFAULT_INDEX_STEP_MS): DemoIndexEntry[] {
  const time = Math.floor(t / stepMs) * stepMs;
  return MODELS.map((model, i) => entryAt(model, i, time));
}

/** Only the index of each entry at `t`, as `demoIndexAt` gives it: what the history records. */
export function demoIndexValuesAt(t: number, stepMs = DEFAULT_INDEX_STEP_MS) {
  const time = Math.floor(t / stepMs) * stepMs;
  return MODELS.map((model, i) => ({
    symbol: `${model.asset}USD`,
    index: format(indexOf(model, i, time)),
    time,
  }));
}

/** An entry broken the way a fault asks; the other faults are the transport's. */
function faulty(entry: DemoIndexEntry, mode: Fault): Record<string, unknown> {
  const out: Record<string, unknown> = { ...entry };
  if (mode === 'wrong-type') out.index = Number(entry.index);
  if (mode === 'missing-field') delete out.time;
  if (mode === 'extra-fields') out.marginAvailable = true;
  return out;
}

/**
 * The answer's body at `t`: every entry without a symbol, the one entry with it, `undefined`
 * for a symbol the index does not have (the exchange answers `-1121 Invalid symbol.`).
 */
export function demoIndexAnswer(
  symbol: string | null,
  t: number,
  mode: Fault = 'none',
  stepMs = DEFAULT_INDEX_STEP_MS,
): unknown {
  const entries = demoIndexAt(t, stepMs).map((e) => faulty(e, mode));
  if (symbol === null) return entries;
  return entries.find((e) => e.symbol === symbol);
}
