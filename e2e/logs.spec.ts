import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { WorkspaceApp } from '../src/demo/index.js';
import { readZipEntries } from '../test/support/zipReader.js';
import { demoApp, demoSummary, executorLogPath } from './demoWorkspace.js';
import { expect, logsTest as test, StagePage, StagesPage, type LogViewer } from './fixtures.js';

// The log viewer on real files: Spark's sample logs (no log files) for the empty cases, and the generated
// demo workspace (globalSetup's second server) for search, jumps, deep links and downloads. Expected values
// are computed from the files on disk; nothing of the console's API is mocked.

const SAMPLE_APP = 'local-1422981780767';
const NEEDLE = 'java.lang.OutOfMemoryError';
/** ERROR/WARN lines of log4j's pattern layout, as the viewer's "next problem" finds them. */
const PROBLEM = /^\S+ \S+ (ERROR|WARN)\b/;
// The browser runs in the demo cluster's zone (the executors' user.timezone), so served lines read exactly as
// written; the time-zone spec covers converting them.
test.use({ timezoneId: 'Asia/Shanghai' });

test.describe('logs of an application without log files', () => {
  test('the Logs tab follows Executors; an app without log files says so', async ({ logsTab, page }) => {
    await logsTab.goto(SAMPLE_APP);
    const tabs = page.getByRole('navigation', { name: 'Application views' }).getByRole('link');
    await expect(tabs).toHaveText(['Jobs', 'Stages', 'Storage', 'Environment', 'Executors', 'Logs', 'SQL / DataFrame', 'Diagnostics']);
    await expect(logsTab.empty).toContainText('No driver or executor logs for this application');
  });

  test('a log the console does not have is a friendly 404, with a way back', async ({ logViewer, page }) => {
    await logViewer.goto(SAMPLE_APP, '7', 'stderr');
    await expect(logViewer.root.getByTestId('empty-state')).toContainText('The console has no Executor 7 stderr for this application');
    await page.getByRole('link', { name: 'See the logs it has' }).click();
    await expect(page).toHaveURL(/\/logs$/);
  });
});

test.describe('logs of the demo workspace', () => {
  test.use({ baseURL: process.env.E2E_DEMO_URL, storageState: process.env.E2E_DEMO_ALICE_STATE });
  const summary = demoSummary();
  const oomApp = () => demoApp(summary, 'OOM failure app', (a) => a.scenario === 'oomFailure' && !a.succeeded);

  /** From the failed stage's first OutOfMemoryError task to its executor's stderr; returns the executor. */
  async function openFailedTaskStderr(page: import('@playwright/test').Page, app: WorkspaceApp): Promise<string> {
    const stagesPage = new StagesPage(page);
    const stagePage = new StagePage(page);
    await stagesPage.goto(app.appId, app.attemptId ?? '-');
    await stagesPage.table('failed').locator('tbody tr').first().getByTestId('stage-link').click();
    await stagePage.filterTaskStatus('FAILED');
    const task = stagePage.taskTable.locator('tbody tr[data-status="FAILED"]').filter({ hasText: NEEDLE }).first();
    const executor = (await task.getByTestId('task-executor-link').textContent())!;
    await task.getByTestId('log-links').getByRole('link', { name: 'stderr' }).click();
    await expect(page).toHaveURL(new RegExp(`/logs/${executor}/stderr$`));
    return executor;
  }

  /** The file offset and text of the line the locator shows. */
  async function lineAt(viewer: LogViewer, which: 'current' | 'target'): Promise<{ offset: number; text: string }> {
    const line = which === 'target' ? viewer.target : viewer.lines.filter({ has: viewer.page.locator('mark[data-current="true"]') });
    await expect(line).toHaveCount(1);
    return { offset: Number(await line.getAttribute('data-offset')), text: (await line.textContent())! };
  }

  test('from a failed task: search the whole stderr for the exception, land on it, step, jump to the next error, deep-link', async ({ page, logViewer }) => {
    const app = oomApp();
    const executor = await openFailedTaskStderr(page, app);
    const bytes = fs.readFileSync(executorLogPath(summary, app, executor, 'stderr'));
    const text = bytes.toString('utf8');
    const total = text.toLowerCase().split(NEEDLE.toLowerCase()).length - 1;
    expect(total).toBeGreaterThan(0);

    // The server searches the whole file: "match i of N" over every occurrence, and the viewer lands on one.
    await logViewer.search.fill(NEEDLE);
    await expect(logViewer.matchCount).toContainText(new RegExp(`match \\d+ of ${total}(?!\\d)`));
    await expect(logViewer.currentMatch).toHaveText(NEEDLE);
    await expect(logViewer.currentMatch).toBeInViewport();
    const first = await lineAt(logViewer, 'current');
    expect(bytes.toString('utf8', first.offset).startsWith(first.text)).toBe(true);
    const i = Number(/match (\d+) of/.exec((await logViewer.matchCount.textContent())!)![1]);

    // Next match: the following occurrence (wrapping after the last).
    await logViewer.nextMatch.click();
    await expect(logViewer.matchCount).toContainText(`match ${(i % total) + 1} of ${total}`);
    await expect(logViewer.currentMatch).toBeInViewport();

    // Next problem: the first ERROR/WARN line after the marked one, found by the same server search.
    const marked = await lineAt(logViewer, 'target');
    const lineStarts: number[] = [];
    for (let at = 0; at < bytes.length; at = bytes.indexOf(0x0a, at) + 1 || bytes.length) lineStarts.push(at);
    const problems = lineStarts.filter((o) => PROBLEM.test(bytes.toString('utf8', o, Math.min(bytes.length, o + 200))));
    const expected = problems.find((o) => o > marked.offset) ?? problems[0]!;
    await logViewer.nextProblem.click();
    await expect(page).toHaveURL(new RegExp(`[?&]at=${expected}(&|$)`));
    const problem = await lineAt(logViewer, 'target');
    expect(problem.offset).toBe(expected);
    await expect(logViewer.target).toHaveAttribute('data-level', /^(ERROR|WARN)$/);
    await expect(logViewer.target).toBeInViewport();
    await expect(logViewer.problemCount).toContainText(`of ${problems.length} ERROR/WARN`);

    // The URL is a deep link to that line: a fresh page opens the log around it and marks it.
    await page.reload();
    await expect(logViewer.target).toBeInViewport();
    expect((await lineAt(logViewer, 'target')).offset).toBe(expected);
  });

  test('downloads the file and the whole-app zip, whose entries are the files on disk', async ({ page, logViewer, logsTab }) => {
    const app = oomApp();
    const executor = await openFailedTaskStderr(page, app);
    const file = executorLogPath(summary, app, executor, 'stderr');
    const [single] = await Promise.all([page.waitForEvent('download'), logViewer.download.click()]);
    expect(fs.readFileSync((await single.path())!).equals(fs.readFileSync(file))).toBe(true);

    await logsTab.goto(app.appId, app.attemptId ?? '-');
    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByTestId('logs-zip-download').click()]);
    expect(zip.suggestedFilename()).toBe(`${app.appId}-logs.zip`);
    const entries = readZipEntries(fs.readFileSync((await zip.path())!));
    const names = [...entries.keys()];
    // Every executor's stdout and stderr, the driver log, and the event log.
    for (const id of app.executorIds) {
      for (const type of ['stdout', 'stderr'] as const) {
        const entry = `${app.appId}/executors/${id}/${type}`;
        expect(names, entry).toContain(entry);
        expect(entries.get(entry)!.equals(fs.readFileSync(executorLogPath(summary, app, id, type))), entry).toBe(true);
      }
    }
    if (app.driverLogPath !== null) expect(entries.get(`${app.appId}/driver/${app.appId}_driver.log`)!.equals(fs.readFileSync(app.driverLogPath))).toBe(true);
    expect(names.some((n) => n.startsWith(`${app.appId}/eventlog/`))).toBe(true);
    // The application header offers the same zip.
    await expect(page.getByTestId('all-logs-download')).toHaveAttribute('href', `/api/console/apps/${app.appId}/all-logs.zip`);
  });

  test('searches every log of the application at once: which executor logged OutOfMemoryError', async ({ page, logsTab }) => {
    const app = oomApp();
    const counts = new Map<string, number>();
    for (const id of app.executorIds) {
      for (const type of ['stdout', 'stderr'] as const) {
        const n = fs.readFileSync(executorLogPath(summary, app, id, type), 'utf8').toLowerCase().split('outofmemoryerror').length - 1;
        if (n > 0) counts.set(`${id}/${type}`, n);
      }
    }
    if (app.driverLogPath !== null) {
      const n = fs.readFileSync(app.driverLogPath, 'utf8').toLowerCase().split('outofmemoryerror').length - 1;
      if (n > 0) counts.set('driver/driver.log', n);
    }
    expect(counts.size).toBeGreaterThan(0);
    await logsTab.goto(app.appId, app.attemptId ?? '-');
    await page.getByTestId('all-logs-search-input').fill('OutOfMemoryError');
    await page.getByTestId('all-logs-search-submit').click();
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    await expect(page.getByTestId('all-logs-search-status')).toHaveText(new RegExp(`^${total.toLocaleString('en-US')} matches in ${counts.size} of \\d+ logs$`));
    const rows = page.getByTestId('all-logs-search-results').locator('tbody tr');
    await expect(rows).toHaveCount(counts.size);
    for (const [log, n] of counts) await expect(rows.and(page.locator(`[data-log="${log}"]`)).getByTestId('all-logs-search-count')).toHaveText(n.toLocaleString('en-US'));
    // A first match opens the viewer on its line, with the search kept.
    const [log] = [...counts.keys()];
    await rows.and(page.locator(`[data-log="${log}"]`)).locator('td').nth(2).getByRole('link').first().click();
    await expect(page).toHaveURL(/[?&]q=OutOfMemoryError.*[?&]at=\d+/);
    await expect(page.getByTestId('log-text').locator('[data-target="true"]')).toContainText('OutOfMemoryError');
  });

  test('the level filter keeps ERROR lines and the stack traces under them', async ({ page, logViewer }) => {
    const app = oomApp();
    const executor = await openFailedTaskStderr(page, app);
    const file = executorLogPath(summary, app, executor, 'stderr');
    expect(fs.statSync(file).size).toBeLessThan(100 * 1024); // loaded whole, so every line is on the page
    // Each line's level is its own, else the one of the line it continues.
    let level: string | undefined;
    const kept = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l, i, all) => i < all.length - 1 || l !== '')
      .filter((l) => {
        level = /^\S+ \S+ (TRACE|DEBUG|INFO|WARN|ERROR|FATAL)\b/.exec(l)?.[1] ?? level;
        return level === undefined || level === 'ERROR' || level === 'FATAL';
      });
    expect(kept.some((l) => l.includes(NEEDLE))).toBe(true);
    await page.getByTestId('log-level-filter').selectOption('ERROR');
    await expect(page).toHaveURL(/[?&]level=ERROR/);
    await logViewer.text.evaluate((el) => (el.scrollTop = 0));
    await expect(logViewer.lines.first()).toHaveText(kept[0]!);
    await expect(logViewer.text.locator('[data-level="INFO"]')).toHaveCount(0);
    await logViewer.text.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(logViewer.lines.last()).toHaveText(kept.at(-1)!);
  });

  test('rolled executor pieces (older ones gzipped) read as one log: search lands in a .gz piece, the download is their concatenation', async ({ page, logViewer }) => {
    const app = demoApp(summary, 'standalone app with rolled executor logs', (a) => a.name === 'dim_shop_sync');
    // The executor whose stderr has the most gzipped rolled pieces.
    const pieceNames = (id: string) => {
      const dir = path.dirname(executorLogPath(summary, app, id, 'stderr'));
      // Spark's log page order: rolled pieces by name without .gz, then the active file.
      const key = (n: string) => n.replace(/\.gz$/, '');
      const rolled = fs.readdirSync(dir).filter((n) => n.startsWith('stderr--')).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      return { dir, names: [...rolled, 'stderr'] };
    };
    const executor = [...app.executorIds].sort((a, b) => pieceNames(b).names.length - pieceNames(a).names.length)[0]!;
    const { dir, names } = pieceNames(executor);
    expect(names.filter((n) => n.endsWith('.gz')).length).toBeGreaterThanOrEqual(2);
    const pieces = names.map((n) => (n.endsWith('.gz') ? zlib.gunzipSync(fs.readFileSync(path.join(dir, n))) : fs.readFileSync(path.join(dir, n))));
    const whole = Buffer.concat(pieces);
    const text = whole.toString('utf8');

    // A message that occurs once in the whole log, on a line of the oldest (gzipped) piece.
    const oldest = pieces[0]!.toString('utf8').split('\n');
    const needle = oldest.map((l) => /^\S+ \S+ \w+ (.{12,60})/.exec(l)?.[1]).find((m) => m !== undefined && text.split(m).length === 2)!;
    expect(needle).toBeDefined();
    const offset = whole.indexOf(Buffer.from(needle));
    const lineOffset = whole.lastIndexOf(0x0a, offset) + 1;

    await logViewer.goto(app.appId, executor, 'stderr', '', app.attemptId ?? '-');
    await logViewer.search.fill(needle);
    await expect(logViewer.matchCount).toContainText(/match 1 of 1(?!\d)/);
    await expect(logViewer.currentMatch).toHaveText(needle);
    await expect(logViewer.currentMatch).toBeInViewport();
    const line = logViewer.lines.filter({ has: page.locator('mark[data-current="true"]') });
    await expect(line).toHaveAttribute('data-offset', String(lineOffset));

    const [download] = await Promise.all([page.waitForEvent('download'), logViewer.download.click()]);
    expect(fs.readFileSync((await download.path())!).equals(whole)).toBe(true);
  });

  test("a structured JSON driver log (Spark 4) shows time, level, logger and message; the level filter hides INFO lines", async ({ page, logViewer }) => {
    const app = demoApp(summary, 'app with a structured JSON driver log', (a) => a.name === 'feature_debug');
    const records = fs
      .readFileSync(app.driverLogPath!, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as { ts: string; level: string; logger: string; msg: string });
    // The viewer opens at the log's tail.
    await logViewer.goto(app.appId, 'driver', 'driver-log', '', app.attemptId ?? '-');
    const toBottom = () => logViewer.text.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await toBottom();
    const last = logViewer.lines.last();
    const r = records.at(-1)!;
    await expect(last.locator('[data-field="level"]')).toHaveText(r.level);
    await expect(last.locator('[data-field="logger"]')).toHaveText(r.logger.slice(r.logger.lastIndexOf('.') + 1));
    await expect(last.locator('[data-field="logger"]')).toHaveAttribute('title', r.logger);
    await expect(last.locator('[data-field="msg"]')).toHaveText(r.msg);
    await expect(last).not.toContainText('{"ts"');
    await expect(logViewer.text.locator('[data-level="INFO"]').first()).toBeVisible();

    // WARN and above: every INFO line goes, the others stay.
    const kept = records.filter((x) => ['WARN', 'ERROR', 'FATAL'].includes(x.level));
    await page.getByTestId('log-level-filter').selectOption('WARN');
    await expect(page).toHaveURL(/[?&]level=WARN/);
    await expect(logViewer.text.locator('[data-level="INFO"]')).toHaveCount(0);
    if (kept.length > 0) {
      await toBottom();
      await expect(logViewer.lines.last().locator('[data-field="msg"]')).toHaveText(kept.at(-1)!.msg);
    } else {
      // This run's driver logged INFO only: no record is left (at most the cut line the window starts with).
      await expect(logViewer.text.locator('[data-structured]')).toHaveCount(0);
    }
    // The raw view shows the lines as they are on disk.
    await page.getByTestId('log-level-filter').selectOption('');
    await expect(page).not.toHaveURL(/[?&]level=/);
    // click, not check(): the box is controlled by the URL, which updates after the click returns.
    await page.getByTestId('log-raw-json').click();
    await expect(page).toHaveURL(/[?&]raw=1/);
    await toBottom();
    const onDisk = fs.readFileSync(app.driverLogPath!, 'utf8').trimEnd().split('\n');
    await expect(logViewer.lines.last()).toHaveText(onDisk.at(-1)!);
  });

  test('an empty log says so', async ({ logViewer }) => {
    const app = demoApp(summary, 'completed app with an empty executor stdout', (a) => a.completed && a.executorIds.some((id) => fs.statSync(executorLogPath(summary, a, id, 'stdout')).size === 0));
    const id = app.executorIds.find((e) => fs.statSync(executorLogPath(summary, app, e, 'stdout')).size === 0)!;
    await logViewer.goto(app.appId, id, 'stdout', '', app.attemptId ?? '-');
    await expect(logViewer.root.getByTestId('empty-state')).toContainText('This log is empty');
  });
});
