import { appendSecondJob, LIVE_APP_ID } from './liveLog.js';
import { expect, test } from './fixtures.js';

// A running application (an `.inprogress` log written by globalSetup) updates in place: the server's change
// stream invalidates the jobs queries, so the page shows the new job without a reload.
test.describe('running application', () => {
  test('is listed as running', async ({ appsPage }) => {
    await appsPage.goto('?status=running');
    await expect(appsPage.rows).toHaveCount(1);
    await expect(appsPage.row(LIVE_APP_ID)).toContainText('running');
  });

  test('jobs page follows new events live', async ({ jobsPage, appShell, page }) => {
    await jobsPage.goto(LIVE_APP_ID);
    await expect(appShell.meta).toContainText('running');
    await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-state', 'live');
    await expect(jobsPage.row(0)).toContainText('count at <console>:15');
    const jobsBefore = await page.locator('tr[id^="job-"]').count();
    expect(jobsBefore).toBeLessThanOrEqual(2);

    appendSecondJob(process.env.E2E_CONFORMANCE_DIR!, process.env.E2E_LIVE_LOG!);
    // Job 1 of the sample log failed; it appears without reloading the page.
    await expect(jobsPage.row(1)).toContainText('count at <console>:20', { timeout: 15_000 });
    await expect(jobsPage.summary).toContainText('Failed Jobs:1');
  });
});
