import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OUT_DIR } from '../playwright.config.ts';
import { readConfig } from '../server/config.ts';
import { loadHistory } from '../server/history-wiring.ts';
import { allowedHostsFrom } from '../server/http/security-headers.ts';
import { startServer, type RunningServer } from '../server/main.ts';

export type RunningApp = RunningServer;

/**
 * The production server (server/main.ts) serving the e2e build on a free port of 127.0.0.1, with
 * these settings on top of the environment's, a history store of its own (unless `HISTORY_DB`
 * names one) and no recording. `port`: listen there (a restart) instead of on a free port.
 */
export async function startApp(
  env: Record<string, string | undefined> = {},
  port = 0,
): Promise<RunningApp> {
  const settings: Record<string, string | undefined> = {
    ...process.env,
    HISTORY_DB: path.join(mkdtempSync(path.join(tmpdir(), 'e2e-history-')), 'history.sqlite'),
    // A private stack counts its upstream's requests: it records only when a test asks it to.
    FAPI_RECORD_EVERY: '0',
    ...env,
  };
  const config = readConfig(settings);
  const server = await startServer({
    clientOutDir: path.resolve(OUT_DIR),
    host: '127.0.0.1',
    port,
    config,
    allowedHosts: allowedHostsFrom(settings.FAPI_ALLOWED_HOSTS),
    history: (proxy) => loadHistory(config, proxy, () => undefined),
    log: () => undefined,
  });
  return server;
}
