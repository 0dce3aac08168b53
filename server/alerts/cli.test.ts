import { afterEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../demo/webhook-receiver.ts';
import { runAlertsCli } from './cli.ts';
import { rulesFile } from './test-history.ts';

let receivers: WebhookReceiver[] = [];
afterEach(async () => {
  for (const r of receivers) await r.close();
  receivers = [];
});

async function run(argv: string[], file: string) {
  const lines: string[] = [];
  const code = await runAlertsCli(argv, { ALERTS_FILE: file }, (l) => lines.push(l));
  return { code, text: lines.join('\n') };
}

describe('npm run alerts', () => {
  it('check says what a good file will watch, without its webhook URLs', async () => {
    const secret = 'https://hooks.example.com/services/T000/B000/SECRET';
    const file = rulesFile({
      webhooks: [{ name: 'risk-chat', url: secret, format: 'slack' }],
      rules: [
        {
          name: 'BTC fund falls',
          kind: 'fall',
          symbol: 'BTCUSDT',
          asset: 'USDT',
          percent: 5,
          within: '1h',
        },
        { name: 'No fresh data', kind: 'stale', minutes: 15 },
      ],
    });
    const { code, text } = await run(['check'], file);
    expect(code).toBe(0);
    expect(text).toContain('2 rule(s), 1 webhook(s)');
    expect(text).toContain(
      'rule "BTC fund falls" (fall): USDT of the pool of BTCUSDT falling 5 % below its high within 1h',
    );
    expect(text).toContain('webhook "risk-chat" (slack)');
    expect(text).not.toContain('SECRET');
  });

  it.each([
    [
      { rules: [{ name: 'x', kind: 'fall', percent: 5, within: '3 hours' }] },
      'rules[0].within must be 1h, 24h, 7d or minutes such as 90m',
    ],
    [
      { rules: [{ name: 'x', kind: 'below' }] },
      'rules[0].usd needs either usd, or asset and balance',
    ],
    [
      { webhooks: [{ name: 'h', url: 'https://x.example/SECRET', format: 'xml' }], rules: [] },
      'webhooks[0].format must be "json" or "slack"',
    ],
    ['{"rules": [', '(the file) is not valid JSON'],
  ])('check names the field at fault in a bad file', async (content, said) => {
    const { code, text } = await run(['check'], rulesFile(content));
    expect(code).toBe(1);
    expect(text).toContain(said);
    expect(text).not.toContain('SECRET');
  });

  it('test posts to every webhook and prints each answer', async () => {
    const good = await startWebhookReceiver();
    const bad = await startWebhookReceiver({ answer: () => 503 });
    receivers.push(good, bad);
    const file = rulesFile({
      webhooks: [
        { name: 'pager', url: good.url, format: 'json' },
        { name: 'chat', url: bad.url, format: 'slack' },
      ],
      rules: [],
    });
    const { code, text } = await run(['test'], file);
    expect(text).toContain('webhook "pager" (json): delivered: HTTP 200 ok');
    expect(text).toContain('webhook "chat" (slack): FAILED: HTTP 503 not now');
    expect(code).toBe(1);
    expect(JSON.parse(good.received[0]!.body)).toMatchObject({ rule: 'test', status: 'firing' });
  });
});
