import fs from 'node:fs';
import type { WorkspaceApp } from '../src/demo/index.js';
import { demoEvents } from './demoEvents.js';
import { demoApp, demoSummary } from './demoWorkspace.js';
import { appBase, expect, test } from './fixtures.js';

// A failed application says why at the top of every one of its pages, each fact linking to where it comes
// from. Runs on the demo workspace (as alice), with the facts read back from the generated logs.
test.use({ baseURL: process.env.E2E_DEMO_URL, storageState: process.env.E2E_DEMO_ALICE_STATE });

const summary = demoSummary();
const failedYarnApp = (a: WorkspaceApp) => a.scenario === 'oomFailure' && a.completed && !a.succeeded && a.mode === 'yarn' && a.driverLogPath !== null;

test.describe('failure banner', () => {
  test('names the failed job, stage, first task error and the driver\'s exit code, each a link', async ({ page }) => {
    const app = demoApp(summary, 'failed YARN app with a driver log', failedYarnApp);
    const events = demoEvents(app);
    const failedJob = events.find((e) => e.Event === 'SparkListenerJobEnd' && (e['Job Result'] as { Result: string }).Result === 'JobFailed')!;
    const failedStage = events
      .filter((e) => e.Event === 'SparkListenerStageCompleted')
      .map((e) => e['Stage Info'] as { 'Stage ID': number; 'Stage Attempt ID': number; 'Failure Reason'?: string })
      .find((s) => s['Failure Reason'] !== undefined)!;
    const final = /Final app status: (\w+), exitCode: (\d+)/.exec(fs.readFileSync(app.driverLogPath!, 'utf8'))!;
    expect(final[1]).toBe('FAILED');
    const base = appBase(app.appId, app.attemptId ?? '-');

    // Not only on the Jobs page: on any tab of the application.
    await page.goto(`${base}/environment`);
    const banner = page.getByTestId('failure-banner');
    await expect(banner).toBeVisible();
    await expect(banner.getByTestId('failure-job')).toContainText(`Job ${failedJob['Job ID'] as number}`);
    await expect(banner.getByTestId('failure-stage')).toContainText(`stage ${failedStage['Stage ID']}.${failedStage['Stage Attempt ID']}`);
    await expect(banner.getByTestId('failure-task')).toContainText('java.lang.OutOfMemoryError');
    await expect(banner.getByTestId('failure-driver')).toContainText(`final status ${final[1]}, exit code ${final[2]}`);

    await banner.getByTestId('failure-stage').getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`${base}/stages/${failedStage['Stage ID']}/${failedStage['Stage Attempt ID']}$`));
    await expect(page.getByTestId('stage-page')).toBeVisible();
    await expect(banner).toBeVisible();

    await banner.getByTestId('failure-task').getByRole('link').click();
    await expect(page).toHaveURL(/task\.status=FAILED/);

    await banner.getByTestId('failure-job').getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`${base}/jobs/${failedJob['Job ID'] as number}$`));

    await banner.getByTestId('failure-driver').getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`${base}/logs/driver/driver-log\\?q=`));
    await expect(page.getByTestId('log-viewer')).toBeVisible();
  });

  test('a succeeded application has no failure banner', async ({ page }) => {
    const app = demoApp(summary, 'succeeded app', (a) => a.completed && a.succeeded && a.scenario === 'etl');
    await page.goto(`${appBase(app.appId, app.attemptId ?? '-')}/jobs`);
    await expect(page.getByTestId('jobs-page')).toBeVisible();
    await expect(page.getByTestId('jobs-summary')).toBeVisible();
    await expect(page.getByTestId('failure-banner')).toHaveCount(0);
  });
});
