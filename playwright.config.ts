import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);

/**
 * End-to-end tests drive Debian's chromium (Playwright cannot download its own browser here) against
 * a production build of the console, which talks to the real local stack (scripts/stack.sh).
 */
export default defineConfig({
  testDir: 'e2e',
  globalTeardown: './e2e/global-teardown.ts',
  outputDir: 'test-results/e2e',
  // One worker: the tests share one real cluster and a 2-core machine.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `npx next start --hostname 127.0.0.1 --port ${PORT}`,
    // Only the `local` cluster: /api/health answers 503 while any configured cluster is down, and the
    // e2e config has an unreachable one on purpose.
    url: `http://127.0.0.1:${PORT}/api/health?cluster=local`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    env: { KEA_CONFIG: 'e2e/fixtures/kea.e2e.yaml', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  },
});
