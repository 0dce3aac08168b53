/**
 * The demo's alert rules (`npm run demo` unless `ALERTS_FILE` is set): relative to the project's
 * folder, where the scripts run, since the history's thread runs from a bundle elsewhere. Its
 * webhook is the local receiver (`npm run demo-webhook`), so an alert is seen without any account.
 */
export const DEMO_ALERTS_FILE = 'server/demo/alerts.example.json';
export const DEMO_WEBHOOK_PORT = 9465;
