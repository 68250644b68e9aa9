import fs from 'node:fs';
import type { WorkspaceApp } from '../src/demo/index.js';
import { demoApp, demoSummary, executorLogPath, fileLines, workspaceProjects } from './demoWorkspace.js';
import { formatBytes } from '../src/web/lib/formatBytes.js';
import { AppShell, EnvironmentPage, expect, LogsTab, LogViewer, StagePage, StagesPage, test as base } from './fixtures.js';

// Runs against the second server globalSetup starts: the project's demo generator's workspace (MaxCompute
// projects, Spark 2.4–3.5 logs, driver and executor logs, one running app). Every expected value is read
// from the generated summary and files.
const test = base.extend<{ environmentPage: EnvironmentPage; logsTab: LogsTab; logViewer: LogViewer }>({
  environmentPage: async ({ page }, use) => use(new EnvironmentPage(page)),
  logsTab: async ({ page }, use) => use(new LogsTab(page)),
  logViewer: async ({ page }, use) => use(new LogViewer(page)),
});
// The demo server runs with sign-in on: these specs browse as alice, a console administrator.
test.use({ baseURL: process.env.E2E_DEMO_URL, storageState: process.env.E2E_DEMO_ALICE_STATE });
// The browser runs where the demo cluster writes its logs (UTC+8), so log lines read exactly as the files hold them.
test.use({ timezoneId: 'Asia/Shanghai' });

const CHUNK = 100 * 1024;
const summary = demoSummary();
const completed = (a: WorkspaceApp) => a.completed && a.scenario !== 'crashedAttempt';

test.describe('demo workspace', () => {
  test('the project filter offers the MaxCompute projects of workspace.json and narrows the list', async ({ appsPage, page }) => {
    await appsPage.goto('?pageSize=100');
    // One row per attempt, as Spark's history page lists them: one per generated log.
    await expect(appsPage.rows).toHaveCount(summary.totals.logs);
    const projects = workspaceProjects(summary);
    expect(projects.length).toBeGreaterThanOrEqual(3);
    const filter = page.getByTestId('filter-project');
    await filter.locator('summary').click();
    await expect(filter.locator('label')).toHaveCount(projects.length);
    expect((await filter.locator('label').allTextContents()).sort()).toEqual([...projects].sort());
    await filter.locator('summary').click();

    const project = summary.projects.find((p) => p.name === projects[1])!;
    await appsPage.toggleFacet('filter-project', project.name);
    await expect(page).toHaveURL(new RegExp(`project=${project.name}`));
    await expect(appsPage.rows).toHaveCount(summary.apps.filter((a) => a.project === project.name).length);
    for (const appId of project.appIds) await expect(appsPage.row(appId)).toContainText(project.name);
  });

  test("an app's Environment shows the MaxCompute access key redacted", async ({ environmentPage, page }) => {
    // A 2.x/3.1 log holds the raw key (stock Spark did not redact it): the console must.
    const app = demoApp(summary, 'uncompressed single-file 2.4/3.1 app', (a) => completed(a) && a.codec === 'none' && a.layout === 'single' && /^(2\.4|3\.1)\./.test(a.sparkVersion));
    const envLine = fs
      .readFileSync(app.eventLogPath, 'utf8')
      .split('\n')
      .find((l) => l.includes('"SparkListenerEnvironmentUpdate"'))!;
    const rawKey = (JSON.parse(envLine) as { 'Spark Properties': Record<string, string> })['Spark Properties']['spark.hadoop.odps.access.key']!;
    expect(rawKey).not.toBe('*********(redacted)');

    await environmentPage.goto(app.appId, '?spark.filter=odps.access.key', app.attemptId ?? '-');
    const rows = environmentPage.table('spark').locator('tbody tr');
    await expect(rows).toHaveCount(2); // odps.access.key and spark.hadoop.odps.access.key
    await expect(rows.filter({ hasText: 'spark.hadoop.odps.access.key' }).locator('[data-redacted="true"]')).toHaveAttribute('title', /^\*{9}\(redacted\)/);
    await expect(rows.locator('[data-redacted="true"]')).toHaveCount(2);
    await expect(page.locator('body')).not.toContainText(rawKey);
  });

  test('the running app is listed as running and its shell says so', async ({ appsPage, page }) => {
    const running = summary.running.appId;
    await appsPage.goto('?status=running');
    await expect(appsPage.rows).toHaveCount(1);
    await expect(appsPage.row(running)).toContainText('running');
    await expect(appsPage.row(running)).toContainText(summary.running.project);
    await appsPage.row(running).getByRole('link', { name: running }).click();
    await expect(new AppShell(page).meta).toContainText('running');
  });

  test('the Logs tab lists the files with their sizes; the viewer shows real executor lines', async ({ logsTab, logViewer, page }) => {
    const app = demoApp(summary, 'completed app with executors', (a) => completed(a) && a.executorIds.length > 0);
    const executor = app.executorIds.find((id) => fs.statSync(executorLogPath(summary, app, id, 'stderr')).size > 0)!;
    const file = executorLogPath(summary, app, executor, 'stderr');
    await logsTab.goto(app.appId, app.attemptId ?? '-');
    // Every executor's stdout and stderr, plus the driver log.
    await expect(logsTab.table.locator('tbody tr')).toHaveCount(app.executorIds.length * 2 + (app.driverLogPath === null ? 0 : 1));
    const row = logsTab.row(executor, 'stderr');
    await expect(row.locator('td').nth(3)).toHaveText(formatBytes(fs.statSync(file).size));
    await row.getByTestId('log-view-link').click();
    await expect(page).toHaveURL(new RegExp(`/logs/${executor}/stderr$`));
    await expect(logViewer.title).toHaveText(`Executor ${executor} stderr`);
    await expect(logViewer.lines.last()).toHaveText(fileLines(file).at(-1)!);
    await expect(logViewer.endState).toHaveText('End of log');
  });

  test('the driver log opens at its tail, loads older chunks and downloads whole', async ({ logViewer, page }) => {
    const file = summary.running.driverLogPath;
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(2 * CHUNK);
    await logViewer.goto(summary.running.appId, 'driver', 'driver-log');
    await expect(logViewer.title).toHaveText('Driver driver.log');
    await expect(logViewer.lines.last()).toHaveText(fileLines(file).at(-1)!);
    await expect(logViewer.range).toContainText(`bytes ${(size - CHUNK).toLocaleString('en-US')} – ${size.toLocaleString('en-US')} of ${size.toLocaleString('en-US')}`);
    await logViewer.loadOlder.click();
    await expect(logViewer.range).toContainText(`bytes ${(size - 2 * CHUNK).toLocaleString('en-US')} –`);
    // The running app's log can be followed.
    await expect(page.getByTestId('log-follow')).toBeChecked();

    const [download] = await Promise.all([page.waitForEvent('download'), logViewer.download.click()]);
    expect(fs.readFileSync((await download.path())!).equals(fs.readFileSync(file))).toBe(true);
  });

  test('at 1280 px the Failed Stages table fits its card: Failure Reason wraps, open details too', async ({ page }) => {
    // The OOM app's failure reason carries long host and class names that once pushed the column out of view.
    const app = demoApp(summary, 'OOM failure app', (a) => a.scenario === 'oomFailure' && !a.succeeded);
    await page.setViewportSize({ width: 1280, height: 800 });
    const stagesPage = new StagesPage(page);
    await stagesPage.goto(app.appId, app.attemptId ?? '-');
    const table = stagesPage.table('failed');
    const box = table.locator('table').locator('..');
    const fits = () => box.evaluate((el) => el.scrollWidth <= el.clientWidth);
    const reason = table.locator('tbody tr').first().getByTestId('error-cell');
    await expect(reason).toContainText('OutOfMemoryError');
    expect(await fits()).toBe(true);
    const right = async (l: typeof box) => (await l.boundingBox())!.x + (await l.boundingBox())!.width;
    expect(await right(reason)).toBeLessThanOrEqual(await right(box));
    await reason.getByRole('button', { name: '+details' }).click();
    await table.locator('tbody tr').first().getByRole('button', { name: '+details' }).click();
    await expect(reason.getByTestId('error-details')).toBeVisible();
    expect(await fits()).toBe(true);
  });

  test("a failed task's error leads to the executor's log, which shows it", async ({ page }) => {
    const app = demoApp(summary, 'OOM failure app', (a) => a.scenario === 'oomFailure' && !a.succeeded);
    const stagesPage = new StagesPage(page);
    const stagePage = new StagePage(page);
    await stagesPage.goto(app.appId, app.attemptId ?? '-');
    await stagesPage.table('failed').locator('tbody tr').first().getByTestId('stage-link').click();
    await stagePage.filterTaskStatus('FAILED');
    const task = stagePage.taskTable.locator('tbody tr[data-status="FAILED"]').filter({ hasText: 'java.lang.OutOfMemoryError' }).first();
    await expect(task).toBeVisible();
    const taskId = await task.getAttribute('data-task-id');
    const executor = (await task.getByTestId('task-executor-link').textContent())!;
    // The generated stderr of that executor holds the task's ERROR line and the exception under it.
    const lines = fileLines(executorLogPath(summary, app, executor, 'stderr'));
    const at = lines.findIndex((l) => l.includes('ERROR Executor: Exception in task') && l.includes(`(TID ${taskId})`));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toContain('java.lang.OutOfMemoryError');

    await task.getByTestId('log-links').getByRole('link', { name: 'stderr' }).click();
    await expect(page).toHaveURL(new RegExp(`/logs/${executor}/stderr$`));
    const viewer = new LogViewer(page);
    await viewer.search.fill(lines[at]!.slice(lines[at]!.indexOf('Exception in task')));
    const errorLine = viewer.lines.filter({ has: page.locator('mark[data-current="true"]') });
    await expect(errorLine).toHaveText(lines[at]!);
    await expect(errorLine).toBeInViewport();
    await expect(errorLine).toHaveAttribute('data-level', 'ERROR');
    await expect(viewer.lines.filter({ hasText: lines[at + 1]! }).first()).toBeVisible();
  });
});

test.describe('demo workspace, running app', () => {
  test('the log viewer follows a running app: appended lines show up without a reload', async ({ logViewer, page }) => {
    const file = summary.running.driverLogPath;
    await logViewer.goto(summary.running.appId, 'driver', 'driver-log');
    await expect(page.getByTestId('log-follow')).toBeChecked();
    await expect(logViewer.lines.last()).toHaveText(fileLines(file).at(-1)!);
    // What the driver would write next (this spec runs last, so the other tests see the file as generated).
    const line = `${fileLines(file).at(-1)!.slice(0, 17)} WARN FollowCheck: appended while the viewer was open`;
    fs.appendFileSync(file, `${line}\n`);
    await expect(logViewer.lines.last()).toHaveText(line, { timeout: 10_000 });
    await expect(logViewer.lines.last()).toHaveAttribute('data-level', 'WARN');
    await expect(logViewer.range).toContainText(`of ${fs.statSync(file).size.toLocaleString('en-US')}`);
  });
});
