import { defineConfig, devices } from '@playwright/test';

/** Ports and build folder can be moved, so that two checkouts on one machine can run the suite at once. */
export const APP_PORT = Number(process.env.E2E_PORT ?? 4600);
export const UPSTREAM_PORT = APP_PORT + 1;
export const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium as the system has it: no browser download, no calls home from a closed network. */
export const chromiumLaunch = {
  executablePath: chromium,
  args: [
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--js-flags=--expose-gc',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  // One folder per port base, so two runs on one machine do not delete each other's traces.
  outputDir: `test-results/${APP_PORT}`,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Tests that break the upstream use a private stack (e2e/fixtures.ts), so two workers never
  // see each other's faults. CI retries once and the list reporter names any flaky test.
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    locale: 'en-US',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunch,
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunch } },
  ],
  webServer: [
    {
      command: `npx tsx server/demo/upstream-cli.ts --port ${UPSTREAM_PORT} --step-ms 1000`,
      url: `http://127.0.0.1:${UPSTREAM_PORT}/__demo/stats`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The production server as `npm start` runs it: the build's own server bundle.
      command: `npx vite build --outDir ${OUT_DIR} && node ${OUT_DIR}-server/server.js --port ${APP_PORT} --host 127.0.0.1`,
      url: `http://127.0.0.1:${APP_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        FAPI_UPSTREAM: `http://127.0.0.1:${UPSTREAM_PORT}`,
        FAPI_CACHE_TTL: '1',
        HISTORY_DB: `test-results/${APP_PORT}/history.sqlite`,
      },
    },
  ],
});
