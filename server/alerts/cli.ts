/**
 * `npm run alerts -- check`: reads `ALERTS_FILE` (else `alerts.json`) and says what it will
 * watch, or what is wrong with it, naming the field. `npm run alerts -- test`: posts a test
 * notification to every webhook of the file and prints each answer. Webhook URLs are never
 * printed: they are secrets.
 */
import { pathToFileURL } from 'node:url';
import { postJson } from './deliver.ts';
import type { JsonNotification } from './notify.ts';
import { defaultAlertsFile, loadAlertsFile, type AlertsFile, type Webhook } from './rules.ts';
import { watches } from './watch.ts';

const USAGE =
  'usage: npm run alerts -- check|test   (the rules file: ALERTS_FILE, else alerts.json)';

/** The test notification, in the shape of a real one. */
export function testBody(format: Webhook['format'], file: AlertsFile, now: number): string {
  const summary = 'A test notification from the insurance fund dashboard: this webhook works.';
  const url = file.dashboardUrl ?? '/';
  if (format === 'slack')
    return JSON.stringify({ text: `:test_tube: TEST · ${summary} <${url}|Open the dashboard>` });
  const n: JsonNotification = {
    status: 'firing',
    id: `test-${now}`,
    rule: 'test',
    kind: 'test',
    pool: { name: 'test', symbols: [] },
    symbol: null,
    asset: null,
    value: null,
    reference: null,
    startsAt: new Date(now).toISOString(),
    endsAt: null,
    summary,
    url,
  };
  return JSON.stringify(n);
}

export async function runAlertsCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  print: (line: string) => void,
): Promise<number> {
  const [command] = argv;
  if (command !== 'check' && command !== 'test') {
    print(USAGE);
    return 2;
  }
  const path = env.ALERTS_FILE?.trim() || defaultAlertsFile();
  if (!path) {
    print(
      'No rules file: set ALERTS_FILE to a JSON file of rules and webhooks (docs/alerts.md), or put one at alerts.json.',
    );
    return 1;
  }
  const load = loadAlertsFile(path);
  if (load.kind !== 'ok') {
    const problem =
      load.kind === 'bad' ? load.problem : { field: '(the file)', message: 'is missing' };
    print(`${path}: ${problem.field} ${problem.message}`);
    return 1;
  }
  const { file } = load;
  if (command === 'check') {
    print(`${path} is valid: ${file.rules.length} rule(s), ${file.webhooks.length} webhook(s).`);
    for (const r of file.rules) print(`  rule "${r.name}" (${r.kind}): ${watches(r)}`);
    for (const w of file.webhooks) print(`  webhook "${w.name}" (${w.format})`);
    if (file.webhooks.length === 0) print('  no webhook: alerts are shown on the page only');
    return 0;
  }
  if (file.webhooks.length === 0) {
    print(`${path} names no webhook: nothing to test.`);
    return 1;
  }
  let failed = 0;
  for (const w of file.webhooks) {
    const r = await postJson(w.url, testBody(w.format, file, Date.now()));
    if (!r.ok) failed += 1;
    const answer =
      r.status === null
        ? r.text
        : `HTTP ${r.status}${r.text ? ` ${r.text.replace(/\s+/g, ' ').slice(0, 80)}` : ''}`;
    print(`webhook "${w.name}" (${w.format}): ${r.ok ? 'delivered' : 'FAILED'}: ${answer}`);
  }
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  void runAlertsCli(process.argv.slice(2), process.env, (l) => console.info(l)).then((code) =>
    process.exit(code),
  );
