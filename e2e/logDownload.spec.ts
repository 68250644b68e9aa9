import fs from 'node:fs';
import { demoApp, demoSummary, executorLogPath } from './demoWorkspace.js';
import { appBase, expect, test } from './fixtures.js';

// The log viewer offers Download only for a log of the application's log list: an unknown executor's log
// (a typed or stale link) says so plainly and offers no button that would answer 404.
test.use({ baseURL: process.env.E2E_DEMO_URL, storageState: process.env.E2E_DEMO_ALICE_STATE });

const summary = demoSummary();
const app = demoApp(summary, 'OOM failure app', (a) => a.scenario === 'oomFailure' && !a.succeeded);
const base = appBase(app.appId, app.attemptId ?? '-');

test('a listed log can be downloaded; an unknown executor log offers no download', async ({ page }) => {
  const size = fs.statSync(executorLogPath(summary, app, '1', 'stderr')).size;
  await page.goto(`${base}/logs/1/stderr`);
  const download = page.getByTestId('log-download');
  await expect(download).toBeVisible();
  const response = await page.request.get((await download.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect((await response.body()).length).toBe(size);

  await page.goto(`${base}/logs/999/stderr`);
  await expect(page.getByText('The console has no executor 999 stderr for this application')).toBeVisible();
  await expect(page.getByTestId('log-viewer')).toBeVisible();
  await expect(page.getByTestId('log-download')).toHaveCount(0);
});
