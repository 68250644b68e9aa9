import fs from 'node:fs';
import { demoSummary, fileLines } from './demoWorkspace.js';
import { appendSecondJob, LIVE_APP_ID } from './liveLog.js';
import { expect, LogViewer, test } from './fixtures.js';

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

// The log viewer on the demo workspace's running application: with "Follow" on it polls for what the driver
// appends and shows it; paused, it asks for nothing and shows nothing new until resumed.
test.describe("a running application's log", () => {
  test.use({ baseURL: process.env.E2E_DEMO_URL, storageState: process.env.E2E_DEMO_ALICE_STATE, timezoneId: 'Asia/Shanghai' });

  test('new lines arrive while following; pause stops them, resuming catches up', async ({ page }) => {
    const { running } = demoSummary();
    const file = running.driverLogPath;
    const viewer = new LogViewer(page);
    // A driver line in the log's own layout, told apart by a marker unique to this run.
    const stamp = /^\S+ \S+/.exec(fileLines(file).at(-1)!)![0];
    const marker = `live-tail-${process.pid}-${fs.statSync(file).size}`;
    const append = (n: number) => fs.appendFileSync(file, `${stamp} INFO LiveTailCheck: ${marker} line ${n}\n`);

    await viewer.goto(running.appId, 'driver', 'driver-log');
    const follow = page.getByTestId('log-follow');
    await expect(follow).toBeChecked();
    await expect(viewer.lines.last()).toHaveText(fileLines(file).at(-1)!);

    append(1);
    await expect(viewer.lines.last()).toContainText(`${marker} line 1`);
    await expect(viewer.endState).toHaveText('End of log');

    // Paused: no more reads of the log, and a line written meanwhile does not show.
    // click, not uncheck(): the box is controlled by the URL, which updates after the click returns.
    await follow.click();
    await expect(follow).not.toBeChecked();
    await expect(page).toHaveURL(/[?&]follow=off/);
    const reads: string[] = [];
    page.on('request', (req) => {
      if (req.url().includes(`/api/console/apps/${running.appId}/logs/driver/`)) reads.push(req.url());
    });
    append(2);
    // Several of the viewer's 2 s polling intervals.
    await page.waitForTimeout(5_000);
    expect(reads).toEqual([]);
    await expect(viewer.text).not.toContainText(`${marker} line 2`);
    await expect(viewer.lines.last()).toContainText(`${marker} line 1`);

    // Resumed: what was written while paused arrives.
    await follow.click();
    await expect(follow).toBeChecked();
    await expect(page).not.toHaveURL(/[?&]follow=off/);
    await expect(viewer.lines.last()).toContainText(`${marker} line 2`);
    expect(reads.length).toBeGreaterThan(0);
  });
});
