import { afterEach, expect, it } from 'vitest';
import { describeWithPostgres } from '../history/postgres/test-with-postgres.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../demo/webhook-receiver.ts';
import { historyWithAlerts, pool, rulesFile } from './test-history.ts';

const MIN = 60_000;
const T0 = Math.floor(Date.now() / MIN) * MIN - 60 * MIN;

describeWithPostgres('alerts of two servers sharing one PostgreSQL database', (cluster) => {
  let receiver: WebhookReceiver | undefined;
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of closing.splice(0)) await c();
    await receiver?.close();
  });

  it('send each notification once, whichever server judged it', async () => {
    receiver = await startWebhookReceiver();
    const url = await cluster().createDatabase();
    const file = rulesFile({
      webhooks: [
        { name: 'pager', url: receiver.url, format: 'json' },
        { name: 'chat', url: receiver.url.replace('/hook', '/chat'), format: 'slack' },
      ],
      rules: [{ name: 'Any fund falls', kind: 'fall', percent: 5, within: '1h' }],
    });
    const servers = await Promise.all(
      [0, 1].map(() =>
        historyWithAlerts({
          settings: { historyDb: 'unused', databaseUrl: url },
          alertsFile: file,
        }),
      ),
    );
    closing.push(...servers.map((s) => () => s.close()));
    const both = (list: unknown[], at: number) =>
      Promise.all(servers.map((s) => s.record(list, at)));

    const balances = ['100', '94', '93', '92', '100'];
    for (const [i, b] of balances.entries())
      await both(
        [
          pool(['BTCUSDT', 'ETHUSDT'], T0 + i * MIN, ['USDT', b]),
          pool(['XRPUSDT'], T0 + i * MIN, ['USDT', '5']),
        ],
        T0 + i * MIN,
      );
    await Promise.all(servers.map((s) => s.alerts.send()));

    const byPath = (p: string) =>
      receiver!.received
        .filter((r) => r.path === p)
        .map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(byPath('/hook')).toEqual([
      expect.objectContaining({ status: 'firing', value: '94', reference: '100' }),
      expect.objectContaining({ status: 'resolved' }),
    ]);
    expect(byPath('/chat').map((b) => String(b.text).split(' · ')[0])).toEqual([
      ':rotating_light: FIRING',
      ':white_check_mark: RESOLVED',
    ]);
  }, 60_000);
});
