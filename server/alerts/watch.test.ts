import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../demo/webhook-receiver.ts';
import { historyWithAlerts, pool, rulesFile } from './test-history.ts';

const dir = mkdtempSync(join(tmpdir(), 'alerts-watch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const db = () => ({ historyDb: join(dir, `h${(n += 1)}.sqlite`) });

const MIN = 60_000;
// An hour ago: the answer of `/api/alerts` keeps the last 7 days.
const T0 = Math.floor(Date.now() / MIN) * MIN - 60 * MIN;
let receiver: WebhookReceiver | undefined;
const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closing.splice(0).reverse()) await c();
  await receiver?.close();
  receiver = undefined;
});

function fallRules(url: string, format: 'json' | 'slack' = 'json') {
  return rulesFile({
    dashboardUrl: 'https://risk.example.com/insurance',
    webhooks: [{ name: 'pager', url, format }],
    rules: [{ name: 'BTC fund falls', kind: 'fall', symbol: 'BTCUSDT', percent: 5, within: '1h' }],
  });
}

async function open(alertsFile: string, settings = db()) {
  const h = await historyWithAlerts({ settings, alertsFile });
  closing.push(() => h.close());
  return h;
}

const bodies = (r: WebhookReceiver) =>
  r.received.map((x) => JSON.parse(x.body) as Record<string, unknown>);

describe('a fall rule', () => {
  it('fires once when the balance falls far enough, with the exact figures, and resolves once', async () => {
    receiver = await startWebhookReceiver();
    const h = await open(fallRules(receiver.url));
    const members = ['BTCUSDT', 'ETHUSDT'];
    await h.record([pool(members, T0, ['USDT', '1000000.000001'])], T0);
    await h.record([pool(members, T0 + MIN, ['USDT', '950000.000002'])], T0 + MIN);
    expect(receiver.received).toEqual([]); // 4.9999997 %: not yet 5 %
    await h.record([pool(members, T0 + 2 * MIN, ['USDT', '950000.00000095'])], T0 + 2 * MIN);
    await h.record([pool(members, T0 + 3 * MIN, ['USDT', '900000'])], T0 + 3 * MIN);
    await h.record([pool(members, T0 + 4 * MIN, ['USDT', '1000000.000001'])], T0 + 4 * MIN);
    await h.record([pool(members, T0 + 5 * MIN, ['USDT', '1000000.5'])], T0 + 5 * MIN);

    const sent = bodies(receiver);
    expect(sent.map((b) => b.status)).toEqual(['firing', 'resolved']);
    expect(receiver.received[0]!.contentType).toBe('application/json');
    expect(sent[0]).toMatchObject({
      rule: 'BTC fund falls',
      kind: 'fall',
      pool: { name: 'BTC · ETH', symbols: members },
      symbol: 'BTCUSDT',
      asset: 'USDT',
      value: '950000.00000095',
      reference: '1000000.000001',
      startsAt: new Date(T0 + 2 * MIN).toISOString(),
      endsAt: null,
      url: 'https://risk.example.com/insurance?symbol=BTCUSDT',
    });
    expect(sent[0]!.summary).toMatch(/950000\.00000095.*1000000\.000001/);
    expect(sent[1]).toMatchObject({
      status: 'resolved',
      id: sent[0]!.id,
      endsAt: new Date(T0 + 4 * MIN).toISOString(),
    });

    const answer = (await h.alerts.answers('/api/alerts'))!.body as {
      active: unknown[];
      recent: { rule: string; delivery: string; endsAt: number | null }[];
      rules: { name: string; watches: string }[];
    };
    expect(answer.active).toEqual([]);
    expect(answer.recent).toEqual([
      expect.objectContaining({
        rule: 'BTC fund falls',
        delivery: 'sent',
        endsAt: expect.any(Number),
      }),
    ]);
    expect(JSON.stringify(answer)).not.toContain(receiver.url);
  });

  it('takes a regrouping for what it is: the new pool is not measured against the old one', async () => {
    receiver = await startWebhookReceiver();
    const h = await open(
      rulesFile({
        webhooks: [{ name: 'pager', url: receiver.url, format: 'json' }],
        rules: [{ name: 'Any fund falls', kind: 'fall', percent: 10, within: '24h' }],
      }),
    );
    await h.record([pool(['BTCUSDT', 'ETHUSDT'], T0, ['USDT', '2000'])], T0);
    // ETHUSDT leaves with half the fund: each new pool holds 1000, half of the old pool's 2000.
    await h.record(
      [
        pool(['BTCUSDT'], T0 + MIN, ['USDT', '1000']),
        pool(['ETHUSDT'], T0 + MIN, ['USDT', '1000']),
      ],
      T0 + MIN,
    );
    expect(receiver.received).toEqual([]);
    // A real fall of the new pool afterwards is one.
    await h.record(
      [
        pool(['BTCUSDT'], T0 + 2 * MIN, ['USDT', '899.99']),
        pool(['ETHUSDT'], T0 + 2 * MIN, ['USDT', '1000']),
      ],
      T0 + 2 * MIN,
    );
    expect(bodies(receiver)).toEqual([
      expect.objectContaining({
        status: 'firing',
        value: '899.99',
        reference: '1000',
        pool: { name: 'BTC', symbols: ['BTCUSDT'] },
      }),
    ]);
  });

  it('posts Slack’s {"text"} with the sentence and the link', async () => {
    receiver = await startWebhookReceiver();
    const h = await open(fallRules(receiver.url, 'slack'));
    await h.record([pool(['BTCUSDT'], T0, ['USDT', '100'])], T0);
    await h.record([pool(['BTCUSDT'], T0 + MIN, ['USDT', '90'])], T0 + MIN);
    const [only] = bodies(receiver);
    expect(Object.keys(only!)).toEqual(['text']);
    expect(only!.text).toMatch(
      /FIRING.*BTC fund falls.*90.*100.*https:\/\/risk\.example\.com\/insurance\?symbol=BTCUSDT/,
    );
  });
});

describe('delivery', () => {
  it('keeps a notification the receiver refused and sends it once it takes it', async () => {
    receiver = await startWebhookReceiver({ answer: (i) => (i < 2 ? 500 : 200) });
    const lines: string[] = [];
    const h = await historyWithAlerts({
      settings: db(),
      alertsFile: fallRules(receiver.url),
      log: (l) => lines.push(l),
    });
    closing.push(() => h.close());
    await h.record([pool(['BTCUSDT'], T0, ['USDT', '100'])], T0);
    await h.record([pool(['BTCUSDT'], T0 + MIN, ['USDT', '90'])], T0 + MIN);
    await receiver.waitFor(1);
    await h.alerts.send();
    expect(bodies(receiver).map((b) => b.status)).toEqual(['firing']);
    expect(lines.filter((l) => l.includes('HTTP 500'))).toHaveLength(2);
    const answer = (await h.alerts.answers('/api/alerts'))!.body as {
      active: { delivery: string }[];
    };
    expect(answer.active).toEqual([expect.objectContaining({ delivery: 'sent' })]);
  });

  it('goes on recording and judging while a webhook hangs, and keeps its notification', async () => {
    receiver = await startWebhookReceiver({ hang: true });
    const h = await historyWithAlerts({
      settings: db(),
      alertsFile: fallRules(receiver.url),
      timeoutMs: 300,
    });
    closing.push(() => h.close());
    await h.record([pool(['BTCUSDT'], T0, ['USDT', '100'])], T0);
    await h.record([pool(['BTCUSDT'], T0 + MIN, ['USDT', '90'])], T0 + MIN);
    await h.record([pool(['BTCUSDT'], T0 + 2 * MIN, ['USDT', '91'])], T0 + 2 * MIN);
    const answer = (await h.alerts.answers('/api/alerts'))!.body as {
      active: { delivery: string; value: string }[];
    };
    expect(answer.active).toEqual([expect.objectContaining({ delivery: 'pending', value: '90' })]);
    expect(await h.store.observationBounds()).toEqual({ first: T0, last: T0 + 2 * MIN });
  });

  it('sends nothing twice across a restart, and the end of the episode once', async () => {
    receiver = await startWebhookReceiver();
    const settings = db();
    const file = fallRules(receiver.url);
    const first = await historyWithAlerts({ settings, alertsFile: file });
    await first.record([pool(['BTCUSDT'], T0, ['USDT', '100'])], T0);
    await first.record([pool(['BTCUSDT'], T0 + MIN, ['USDT', '90'])], T0 + MIN);
    await first.close();
    expect(receiver.received).toHaveLength(1);

    const second = await open(file, settings);
    await second.record([pool(['BTCUSDT'], T0 + 2 * MIN, ['USDT', '89'])], T0 + 2 * MIN);
    expect(receiver.received).toHaveLength(1);
    await second.record([pool(['BTCUSDT'], T0 + 3 * MIN, ['USDT', '100'])], T0 + 3 * MIN);
    expect(bodies(receiver).map((b) => b.status)).toEqual(['firing', 'resolved']);
  });
});
