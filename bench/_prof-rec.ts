import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createMarket,
  formatUnits,
  seededRandom,
  stepMarket,
} from '/work/wt-history/server/demo/market.ts';
import { createRecorder } from '/work/wt-history/server/history/recorder.ts';
import { openSqliteAdapter } from '/work/wt-history/server/history/sqlite/sqlite-adapter.ts';
const store = openSqliteAdapter({ path: join(mkdtempSync(join(tmpdir(), 'pr-')), 'h.sqlite') });
const market = createMarket({ pools: 600, symbols: 6000 });
const random = seededRandom(11);
let t = Date.now();
const snap = () =>
  market.map((p) => ({
    symbols: p.symbols,
    assets: p.assets.map((a) => ({
      asset: a.asset,
      marginBalance: formatUnits(a.units, a.decimals),
      updateTime: p.frozenAt ?? t,
    })),
  }));
const recorder = createRecorder({
  store,
  everyMs: 60_000,
  poolList: async () => ({ status: 200, body: JSON.stringify(snap()), demo: true, fetchedAt: t }),
});
const times = [];
const cpu = [];
for (let i = 0; i < 80; i++) {
  t += 60_000;
  stepMarket(market, random);
  const c = process.cpuUsage();
  const s = performance.now();
  await recorder.recordOnce();
  const u = process.cpuUsage(c);
  times.push(performance.now() - s);
  cpu.push((u.user + u.system) / 1000);
}
console.log('wall', times.map((x) => x.toFixed(0)).join(' '));
console.log('cpu', cpu.map((x) => x.toFixed(0)).join(' '), recorder.status().lastError);
const s2 = cpu.slice(20).sort((a, b) => a - b);
const w2 = times.slice(20).sort((a, b) => a - b);
console.log(
  'cpu min',
  s2[0]!.toFixed(1),
  'p25',
  s2[Math.floor(s2.length / 4)]!.toFixed(1),
  'median',
  s2[Math.floor(s2.length / 2)]!.toFixed(1),
  '| wall min',
  w2[0]!.toFixed(1),
  'median',
  w2[Math.floor(w2.length / 2)]!.toFixed(1),
);
