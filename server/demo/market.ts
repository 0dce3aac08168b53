import type { Pool } from '../../src/core/pool-schema.ts';

/**
 * The market behind the demo upstream: pools of symbols with balances that look like the live
 * USDⓈ-M insurance funds (2025-26 listings), moving over time. Balances are held as integers of
 * 1e-8 so every figure is an exact decimal string, as the real host sends it.
 */

const UNIT = 100_000_000n;

export interface DemoAsset {
  asset: string;
  units: bigint;
  decimals: number;
  frozen: boolean;
}

export interface DemoPool {
  symbols: string[];
  assets: DemoAsset[];
  /** A pool whose snapshot stopped updating keeps this `updateTime`. */
  frozenAt?: number;
}

export interface MarketOptions {
  seed?: number;
  /** Number of pools; the real answer has around 40. */
  pools?: number;
  /** Number of symbols across all pools; the real answer has around 500. */
  symbols?: number;
  now?: number;
}

const MAJORS = [
  'BNBUSDT',
  'BTCUSDT',
  'BTCUSDT_260327',
  'BTCUSDT_260626',
  'ETHBTC',
  'ETHUSDT',
  'ETHUSDT_260327',
  'ETHUSDT_260626',
  'BTCUSDC',
  'ETHUSDC',
  'BNBUSDC',
  'SOLUSDT',
  'SOLUSDC',
];
const DOC_POOL = [
  'ADAUSDT',
  'BCHUSDT',
  'DOTUSDT',
  'EOSUSDT',
  'ETCUSDT',
  'LINKUSDT',
  'LTCUSDT',
  'TRXUSDT',
  'XLMUSDT',
  'XMRUSDT',
  'XRPUSDT',
];
const SMALL_DOC_POOL = ['ACTUSDT', 'MUBARAKUSDT', 'OMUSDT', 'TSTUSDT'];
const THOUSANDS = [
  '1000PEPEUSDT',
  '1000SHIBUSDT',
  '1000BONKUSDT',
  '1000FLOKIUSDT',
  '1000SATSUSDT',
  '1000LUNCUSDT',
  '1000XECUSDT',
  '1000RATSUSDT',
  '1000CATUSDT',
  '1000CHEEMSUSDT',
  '1000WHYUSDT',
  '1000000MOGUSDT',
  '1MBABYDOGEUSDT',
  '1000XUSDT',
];
const UNICODE = ['币安人生USDT', '我踏马来了USDT', '哈基米USDT'];
const USDC_ONLY = [
  'DOGEUSDC',
  'XRPUSDC',
  'WIFUSDC',
  '1000PEPEUSDC',
  'SUIUSDC',
  'ORDIUSDC',
  'LINKUSDC',
  'AVAXUSDC',
];
const DEPLETED = ['BSWUSDT', 'LEVERUSDT', 'AMBUSDT'];
/** 2025 listings that are in no pool of the market: the demo's past has them appear as a new pool. */
export const NEW_LISTINGS = ['MITOUSDT', 'NEWTUSDT', 'SAHARAUSDT'];
const STALE = ['TROYUSDT', 'UNFIUSDT'];

const BASES = (
  'AAVE ACE ACH ACX ADX AERGO AEVO AGLD AI AI16Z AIXBT ALCH ALGO ALICE ALPACA ALPHA ALT ANIME ANKR APE ' +
  'API3 APT AR ARB ARC ARK ARKM ARPA ASTR ATA ATH ATOM AUCTION AVA AVAAI AVAX AXL AXS B3 BABY BAKE ' +
  'BAN BANANA BAND BAT BB BEAMX BEL BERA BICO BID BIGTIME BIO BLUR BMT BNT BOME BR BRETT BROCCOLI BSV ' +
  'BTCDOM C98 CAKE CATI CELO CELR CETUS CFX CGPT CHESS CHILLGUY CHR CHZ CKB COMP COOKIE COS COTI COW ' +
  'CRV CTSI CVC CYBER DASH DEEP DEGEN DEXE DF DODOX DOGE DOGS DRIFT DUSK DYDX DYM EDU EGLD EIGEN ENA ' +
  'ENJ ENS EPIC ETHFI ETHW FARTCOIN FET FHE FIDA FIL FIO FLM FLOW FLUX FORM FORTH FXS GALA GAS GLM ' +
  'GMT GMX GOAT GPS GRASS GRIFFAIN GRT GTC GUN HBAR HEI HFT HIFI HIGH HIPPO HIVE HMSTR HOOK HOT HYPE ' +
  'HYPER ICP ICX ID ILV IMX INIT INJ IO IOST IOTA IOTX IP JASMY JELLYJELLY JOE JTO JUP KAIA KAITO KAS ' +
  'KAVA KDA KERNEL KMNO KNC KOMA KSM LAYER LDO LISTA LOKA LPT LQTY LRC LSK LUMIA MAGIC MANA MANTA MASK ' +
  'MAV MAVIA ME MELANIA MEME METIS MEW MINA MKR MLN MOCA MOODENG MORPHO MOVE MOVR MTL MYRO NEAR NEIRO ' +
  'NEO NFP NIL NKN NMR NOT NTRN NXPC OGN OL OM ONDO ONE ONG ONT OP ORCA ORDI OXT PARTI PAXG PENDLE ' +
  'PENGU PEOPLE PERP PHB PIPPIN PIXEL PLUME PNUT POL POLYX PONKE POPCAT PORTAL POWR PROM PROMPT PUFFER ' +
  'PUMP PUNDIX PYTH QNT QTUM QUICK RARE RAYSOL RDNT RED REI RENDER RESOLV REZ RIF RLC RONIN ROSE RPL ' +
  'RSR RUNE RVN S SAFE SAGA SAND SANTOS SCR SCRT SEI SFP SHELL SIGN SKL SKYAI SLERF SNX SOLV SONIC ' +
  'SOON SOPH SPELL SPX SSV STEEM STG STO STORJ STRK STX SUI SUN SUPER SUSHI SWARMS SWELL SXP SYN SYRUP ' +
  'SYS T TAIKO TAO THE THETA TIA TLM TNSR TOKEN TON TRB TRU TRUMP TURBO TUT TWT UMA UNI USTC USUAL ' +
  'UXLINK VANA VANRY VELODROME VET VIC VINE VIRTUAL VOXEL VTHO VVV W WAL WAXP WCT WIF WLD WOO XAI XCN ' +
  'XTZ XVG XVS YFI YGG ZEC ZEN ZEREBRO ZETA ZIL ZK ZRC ZRO ZRX ' +
  'ACE ALPINE AMP ARDR ASR ATM AUDIO BADGER BAL BEAM BETA BIFI BLZ BOND BURGER CELR CITY CLV COMBO CTK CTXC CVX DAR DATA DEGO DENT DGB DIA DODO DREP ELF ERN FIRO FLOKI FOR FRONT FUN GHST GNS GTC HARD HOOK IDEX IQ JST KEY KLAY KP3R LINA LIT LOOM LTO MBOX MDT MOB MULTI NULS OAX OG OMG OOKI ORN OSMO PERL PHA PLA PNT POND PSG PYR QI QKC RAD RAY REEF REQ RIF ROSE SANTOS SC SLP SNT STMX STPT STRAX SXP TKO TRIBE TROY TVK UFT UNFI UTK VGX VITE VOXEL WAN WIN WING WNXM WRX XEM XNO XVS YFII ZEN ZIL'
)
  .split(' ')
  .filter((b, i, all) => all.indexOf(b) === i);

/** mulberry32: small, fast and the same on every run for one seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Exact units of 1e-8 from a decimal string such as `"793930579.315848"`. */
export function parseUnits(value: string): bigint {
  const [whole = '0', fraction = ''] = value.split('.');
  return BigInt(whole) * UNIT + BigInt(fraction.padEnd(8, '0').slice(0, 8));
}

function asset(name: string, value: string, decimals = 8): DemoAsset {
  return { asset: name, units: parseUnits(value), decimals, frozen: false };
}

/** A random balance between `min` and `max`, spread evenly over orders of magnitude, with 8 random decimals. */
function randomBalance(random: () => number, min: number, max: number): string {
  const whole = Math.floor(Math.exp(Math.log(min) + random() * (Math.log(max) - Math.log(min))));
  return `${whole}.${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
}

/** An exact decimal string with the asset's number of decimals, trailing zeros trimmed as the host does. */
export function formatUnits(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / UNIT;
  const fraction = (abs % UNIT).toString().padStart(8, '0').slice(0, decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * The market as the exchange's pool list: each asset's exact balance, stamped with
 * `timeOf(pool)`. The market replaces a member list when it changes, never edits it: shared, not
 * copied.
 */
export function poolListOf(pools: readonly DemoPool[], timeOf: (pool: DemoPool) => number): Pool[] {
  return pools.map((p) => ({
    symbols: p.symbols,
    assets: p.assets.map((a) => ({
      asset: a.asset,
      marginBalance: formatUnits(a.units, a.decimals),
      updateTime: timeOf(p),
    })),
  }));
}

export function createMarket(options: MarketOptions = {}): DemoPool[] {
  const random = seededRandom(options.seed ?? 20260327);
  const poolCount = options.pools ?? 40;
  const symbolCount = options.symbols ?? 500;
  const now = options.now ?? Date.now();

  const pools: DemoPool[] = [
    {
      symbols: MAJORS,
      assets: [
        asset('USDC', '299999998.6497832', 7),
        asset('USDT', '793930579.315848', 6),
        asset('BTC', '61.73143554'),
        asset('BNFCR', '633223.99396922'),
      ],
    },
    { symbols: DOC_POOL, assets: [asset('USDT', '314151411.06482935')] },
    { symbols: SMALL_DOC_POOL, assets: [asset('USDT', '5166686.84431694')] },
    { symbols: THOUSANDS, assets: [asset('USDT', '48213577.1204'), asset('USDC', '1520334.5')] },
    { symbols: UNICODE, assets: [asset('USDT', '2718281.82845904')] },
    { symbols: USDC_ONLY, assets: [asset('USDC', '12873311.00451')] },
    { symbols: DEPLETED, assets: [asset('USDT', '12.48213577')] },
    {
      symbols: STALE,
      assets: [asset('USDT', '903412.77')],
      frozenAt: now - 3 * 24 * 3600_000 - 17 * 60_000,
    },
  ];

  const used = new Set(pools.flatMap((p) => p.symbols));
  const names: string[] = [];
  for (const base of BASES) {
    for (const quote of ['USDT', 'USDC']) {
      const name = base + quote;
      if (!used.has(name) && (quote === 'USDT' || random() < 0.12)) names.push(name);
    }
  }
  for (let i = 1; names.length + used.size < symbolCount; i += 1) names.push(`X${i}USDT`);

  const remaining = Math.max(poolCount - pools.length, 0);
  const left = symbolCount - used.size;
  let cursor = 0;
  for (let i = 0; i < remaining; i += 1) {
    const share =
      i === remaining - 1
        ? left - cursor
        : Math.max(1, Math.round(((left - cursor) / (remaining - i)) * (0.4 + random() * 1.2)));
    const symbols = names.slice(cursor, cursor + share).sort();
    cursor += share;
    if (symbols.length === 0) continue;
    const assets = [asset('USDT', randomBalance(random, 4_000, 180_000_000))];
    if (random() < 0.15) assets.push(asset('USDC', randomBalance(random, 2_000, 20_000_000)));
    pools.push({ symbols, assets });
  }
  return pools;
}

/**
 * Moves every balance one step: a small random walk, and now and then a sharp drawdown, as
 * when a large liquidation is absorbed. Frozen pools do not move.
 */
export function stepMarket(pools: DemoPool[], random: () => number): void {
  for (const pool of pools) {
    if (pool.frozenAt !== undefined) continue;
    for (const a of pool.assets) {
      if (a.frozen) continue;
      const drawdown = random() < 0.004 ? 0.05 + random() * 0.25 : 0;
      const drift = (random() - 0.5) * 0.002;
      const factor = 1 + drift - drawdown;
      const next = (a.units * BigInt(Math.round(factor * 1e9))) / 1_000_000_000n;
      a.units = next > 0n ? next : 0n;
    }
  }
}
