import type { Page } from '@playwright/test';
import type { WorkspaceApp } from '../src/demo/index.js';
import { demoApp, demoSummary, executorLogPath, fileLines } from './demoWorkspace.js';
import { AppShell, expect, JobsPage, LogViewer, StagesPage, test as base } from './fixtures.js';

// The time-zone choice on the demo workspace, whose cluster writes logs in Asia/Shanghai (UTC+8). The
// browser runs in New York, so local time, UTC and the application's zone are three different readings.
// Expected texts are computed here with Intl's own formatting (sv-SE reads `yyyy-MM-dd HH:mm:ss`), not with
// the console's formatters.
const test = base.extend<{ logViewer: LogViewer }>({
  logViewer: async ({ page }, use) => use(new LogViewer(page)),
});
const BROWSER_ZONE = 'America/New_York';
const APP_ZONE = 'Asia/Shanghai';
test.use({ baseURL: process.env.E2E_DEMO_URL, storageState: process.env.E2E_DEMO_ALICE_STATE, timezoneId: BROWSER_ZONE });

const summary = demoSummary();

function wallClock(epochMs: number, zone: string): string {
  return new Date(epochMs).toLocaleString('sv-SE', { timeZone: zone, hourCycle: 'h23' });
}

function zoneName(epochMs: number, zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(epochMs).find((p) => p.type === 'timeZoneName')!.value;
}

/** What a displayed time must read in a zone: the wall clock and the zone's short name. */
function shown(epochMs: number, zone: string): string {
  return `${wallClock(epochMs, zone)} ${zoneName(epochMs, zone)}`;
}

/** The first entity of a REST list and its submission time (Spark's `…GMT` text) as epoch ms. */
async function firstSubmitted(page: Page, path: string): Promise<{ entity: Record<string, unknown>; submitted: number }> {
  const response = await page.request.get(path);
  expect(response.ok()).toBe(true);
  const [entity] = (await response.json()) as Record<string, unknown>[];
  return { entity: entity!, submitted: Date.parse(String(entity!.submissionTime).replace(/GMT$/, 'Z')) };
}

async function choose(page: Page, choice: 'local' | 'utc' | 'application'): Promise<void> {
  await page.getByTestId('time-zone-picker').selectOption(choice);
}

/** A log4j line `yy/MM/dd HH:mm:ss …` written at UTC+8, as the same instant reads in `zone`. */
function log4jLineIn(line: string, zone: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(line)!;
  const instant = Date.UTC(2000 + Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) - 8 * 3_600_000;
  const [date, time] = wallClock(instant, zone).split(' ');
  return `${date!.slice(2).replace(/-/g, '/')} ${time}${line.slice(m[0].length)}`;
}

const completed = (a: WorkspaceApp) => a.completed && a.succeeded && a.scenario !== 'crashedAttempt' && a.executorIds.length > 0;

test.describe('time zone choice', () => {
  test('switches job and stage times between local, UTC and the application zone; persists across reload', async ({ page }) => {
    const app = demoApp(summary, 'completed app with executors', completed);
    const attempt = app.attemptId ?? '-';
    const api = `/api/v1/applications/${app.appId}${app.attemptId === undefined ? '' : `/${app.attemptId}`}`;
    const job = await firstSubmitted(page, `${api}/jobs?status=succeeded`);
    const stage = await firstSubmitted(page, `${api}/stages?status=complete`);
    const jobSubmitted = job.submitted;
    const stageSubmitted = stage.submitted;
    const jobsPage = new JobsPage(page);
    const shell = new AppShell(page);
    const jobTime = jobsPage.row(Number(job.entity.jobId)).locator('time');

    await jobsPage.goto(app.appId, attempt);
    const picker = page.getByTestId('time-zone-picker');
    // Nothing chosen yet: the browser's zone.
    await expect(picker).toHaveValue('local');
    await expect(picker.locator('option[value="local"]')).toHaveText(`Local (${BROWSER_ZONE})`);
    await expect(picker.locator('option[value="application"]')).toHaveText(`Application (${APP_ZONE})`);
    await expect(jobTime).toHaveText(shown(jobSubmitted, BROWSER_ZONE));
    await expect(shell.meta.locator('time')).toHaveText(shown(app.startTime, BROWSER_ZONE));

    await choose(page, 'utc');
    await expect(jobTime).toHaveText(shown(jobSubmitted, 'UTC'));
    await expect(shell.meta.locator('time')).toHaveText(shown(app.startTime, 'UTC'));
    await expect(page.getByTestId('timeline-time-zone').first()).toContainText('Times in UTC');

    await choose(page, 'application');
    await expect(jobTime).toHaveText(shown(jobSubmitted, APP_ZONE));
    await expect(jobTime).toContainText('GMT+8');
    await expect(page.getByTestId('time-zone-note')).toHaveCount(0);

    // The stages tab follows the same choice.
    const stagesPage = new StagesPage(page);
    await shell.tab('Stages').click();
    await expect(stagesPage.summary).toBeVisible();
    const stageTime = stagesPage.row(Number(stage.entity.stageId), Number(stage.entity.attemptId)).locator('time');
    await expect(stageTime).toHaveText(shown(stageSubmitted, APP_ZONE));

    // The choice is kept per browser: a reload shows the application's zone again.
    await page.reload();
    await expect(stagesPage.summary).toBeVisible();
    await expect(picker).toHaveValue('application');
    await expect(stageTime).toHaveText(shown(stageSubmitted, APP_ZONE));
    await choose(page, 'local');
    await expect(stageTime).toHaveText(shown(stageSubmitted, BROWSER_ZONE));
  });

  test('outside an application, "application" falls back to local time and says so', async ({ page }) => {
    await page.goto('/apps');
    await expect(page.getByTestId('apps-table')).toBeVisible();
    await choose(page, 'application');
    const note = page.getByTestId('time-zone-note');
    await expect(note).toBeVisible();
    await expect(note).toHaveAttribute('title', /Outside an application: local time is shown/);
    const app = summary.apps.find((a) => a.completed)!;
    await expect(page.getByTestId('apps-table').locator(`tr[data-app-id="${app.appId}"] time`).first()).toHaveText(shown(app.startTime, BROWSER_ZONE));
  });

  test('a start-day filter means that day in the chosen zone', async ({ page }) => {
    // An app started early in a UTC day, which in New York is still the day before.
    const day = (t: number, zone: string) => wallClock(t, zone).slice(0, 10);
    const app = summary.apps.find((a) => day(a.startTime, 'UTC') !== day(a.startTime, BROWSER_ZONE));
    if (app === undefined) throw new Error(`the demo workspace (seed ${summary.seed}) has no app started between 00:00 and 05:00 UTC`);
    const utcDay = day(app.startTime, 'UTC');
    const row = page.getByTestId('apps-table').locator(`tr[data-app-id="${app.appId}"]`);
    await page.goto(`/apps?from=${utcDay}&to=${utcDay}&pageSize=100`);
    await choose(page, 'utc');
    await expect(row).toBeVisible();
    await choose(page, 'local');
    await expect(row).toHaveCount(0);
    await page.goto(`/apps?from=${day(app.startTime, BROWSER_ZONE)}&to=${day(app.startTime, BROWSER_ZONE)}&pageSize=100`);
    await expect(row).toBeVisible();
  });

  test("a log line's timestamp is shown in the chosen zone, with the written text in its tooltip", async ({ page, logViewer }) => {
    const app = demoApp(summary, 'completed app with executors', completed);
    const executor = app.executorIds[0]!;
    const lines = fileLines(executorLogPath(summary, app, executor, 'stderr'));
    const written = lines.filter((l) => /^\d{2}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} /.test(l)).at(-1);
    if (written === undefined) throw new Error(`executor ${executor}'s stderr has no log4j line`);
    const rest = written.slice('yy/MM/dd HH:mm:ss'.length);
    await logViewer.goto(app.appId, executor, 'stderr', '', app.attemptId ?? '-');
    const line = logViewer.lines.filter({ hasText: rest }).last();

    // Local (New York) first, then the zone it was written in (unchanged), then UTC.
    await expect(line).toHaveText(log4jLineIn(written, BROWSER_ZONE));
    await expect(line).toHaveAttribute('title', `Written ${written.slice(0, 17)} (${APP_ZONE})`);
    await expect(page.getByTestId('log-time-zone')).toHaveText(`Log times in ${BROWSER_ZONE}; written in ${APP_ZONE} (user.timezone)`);
    await choose(page, 'application');
    await expect(line).toHaveText(written);
    await choose(page, 'utc');
    await expect(line).toHaveText(log4jLineIn(written, 'UTC'));
    await expect(page.getByTestId('log-time-zone')).toContainText('Log times in UTC');
  });
});
