import type { ServerConfig } from './config.ts';
import type { HistoryParts } from './parts.ts';
import type { Proxy } from './proxy/proxy.ts';

/** The history's recorder, store and API for these settings (server/history). */
export async function loadHistory(
  _config: ServerConfig,
  _proxy: Proxy,
): Promise<HistoryParts | undefined> {
  return undefined;
}
