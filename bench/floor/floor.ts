/**
 * The floor the dashboard is measured against: the same answer through the same proxy, one
 * element per pool, and nothing else (no framework, no validation, no styles).
 */
interface RawPool {
  symbols: string[];
  assets: { asset: string; marginBalance: string }[];
}

const response = await fetch('/fapi/v1/insuranceBalance');
const pools = (await response.json()) as RawPool[];
const list = document.createDocumentFragment();
for (const pool of pools) {
  const item = document.createElement('section');
  item.dataset.testid = 'pool';
  item.textContent = `${pool.symbols.join(' ')} · ${pool.assets
    .map((a) => `${a.marginBalance} ${a.asset}`)
    .join(' · ')}`;
  list.append(item);
}
document.getElementById('pools')?.append(list);

export {};
