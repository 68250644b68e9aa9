import { defineConfig } from '@playwright/test';

// Browser tests run in Debian's Chromium (the test tool's own browser download does not work here) against
// the built UI served by the real server; e2e/global-setup.ts starts it on Spark's sample logs.
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  // CI refuses a stray test.only and retries once, keeping the trace of the failed try to read afterwards.
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  globalSetup: './e2e/globalSetup.ts',
  use: {
    baseURL: process.env.E2E_BASE_URL,
    screenshot: 'only-on-failure',
    trace: process.env.CI ? 'retain-on-first-failure' : 'off',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
