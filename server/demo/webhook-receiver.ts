/**
 * A webhook receiver on 127.0.0.1 that prints what it gets: `npm run demo-webhook` beside
 * `npm run demo` shows the example rules' notifications arrive, with no account anywhere. The
 * tests start it too, to see exactly what was posted and to answer with a failure first.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_WEBHOOK_PORT } from './demo-alerts.ts';

export interface Received {
  at: number;
  path: string;
  contentType: string;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  received: Received[];
  /** Resolves once `count` posts have arrived (or at once if they have). */
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

/**
 * Starts the receiver. `answer`: the status to give the n-th post (0-based), 200 by default;
 * `hang`: never answer (a webhook that hangs).
 */
export async function startWebhookReceiver(
  options: {
    port?: number;
    answer?: (n: number) => number;
    hang?: boolean;
    onPost?: (r: Received) => void;
  } = {},
): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const waiting: (() => void)[] = [];
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = options.answer?.(n) ?? 200;
      n += 1;
      if (options.hang) return;
      if (status >= 200 && status < 300) {
        const r: Received = {
          at: Date.now(),
          path: req.url ?? '/',
          contentType: String(req.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        };
        received.push(r);
        options.onPost?.(r);
        for (const w of waiting.splice(0)) w();
      }
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status < 300 ? 'ok' : 'not now');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`${received.length} of ${count} notifications arrived`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          waiting.push(() => (clearTimeout(t), resolve()));
        });
      }
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const receiver = await startWebhookReceiver({
    port: values.port ? Number(values.port) : DEMO_WEBHOOK_PORT,
    onPost: (r) => {
      let shown = r.body;
      try {
        shown = JSON.stringify(JSON.parse(r.body), null, 2);
      } catch {
        // printed as it came
      }
      console.info(`\n${new Date(r.at).toISOString()} POST ${r.path}\n${shown}`);
    },
  });
  console.info(`webhook receiver: listening on ${receiver.url}; Ctrl+C stops it`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void receiver.close().then(() => process.exit(0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
