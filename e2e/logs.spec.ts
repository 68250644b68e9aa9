import type { Page } from '@playwright/test';
import { expect, logsTest as test } from './fixtures.js';

// Spark's sample logs come without driver/executor log files, so the viewer's mechanics are checked here on
// mocked console answers (a 3000-line stderr served by byte range exactly as the server does); real logs
// from the generated demo workspace are in demoWorkspace.spec.ts.

const APP = 'local-1422981780767';
// The browser runs in the sample app's zone (its user.timezone), so the served lines read exactly as written.
test.use({ timezoneId: 'America/Chicago' });
const LINE = (i: number) => `26/03/02 00:00:00 INFO Executor: line ${String(i).padStart(5, '0')}${i % 500 === 7 ? ' needle' : ''}\n`;
const TEXT = Array.from({ length: 3000 }, (_, i) => LINE(i)).join('');

async function mockLogs(page: Page, text = TEXT): Promise<string[]> {
  const requests: string[] = [];
  await page.route(`**/api/console/apps/${APP}/logs`, (r) =>
    r.fulfill({ json: { appId: APP, files: [{ executorId: 'driver', logType: 'stderr', size: text.length, lastModified: Date.UTC(2026, 2, 2) }] } }),
  );
  await page.route(`**/api/console/apps/${APP}/logs/driver/stderr?*`, (r) => {
    const url = new URL(r.request().url());
    requests.push(url.search);
    const offset = Number(url.searchParams.get('offset') ?? -1);
    const length = Number(url.searchParams.get('length') ?? 102400);
    const start = offset < 0 ? Math.max(0, text.length - length) : Math.min(offset, text.length);
    const end = Math.min(text.length, start + length);
    return r.fulfill({ json: { start, end, size: text.length, text: text.slice(start, end) } });
  });
  return requests;
}

test.describe('logs', () => {
  test('the Logs tab follows Executors; an app without log files says so', async ({ logsTab, page }) => {
    await logsTab.goto(APP);
    const tabs = page.getByRole('navigation', { name: 'Application views' }).getByRole('link');
    await expect(tabs).toHaveText(['Jobs', 'Stages', 'Storage', 'Environment', 'Executors', 'Logs', 'SQL / DataFrame', 'Diagnostics']);
    await expect(logsTab.empty).toContainText('No driver or executor logs for this application');
  });

  test('a log the console does not have is a friendly 404, with a way back', async ({ logViewer, page }) => {
    await logViewer.goto(APP, '7', 'stderr');
    await expect(logViewer.root.getByTestId('empty-state')).toContainText('The console has no Executor 7 stderr for this application');
    await page.getByRole('link', { name: 'See the logs it has' }).click();
    await expect(page).toHaveURL(/\/logs$/);
  });

  test('opens at the tail, loads older 100 KiB chunks, searches and wraps (mocked byte ranges)', async ({ logViewer, page }) => {
    const requests = await mockLogs(page);
    await logViewer.goto(APP, 'driver', 'stderr');
    await expect(logViewer.title).toHaveText('Driver stderr');
    // The last 100 KiB: the last line is on screen, the first one is not loaded.
    await expect(logViewer.lines.last()).toHaveText(LINE(2999).trimEnd());
    await expect(logViewer.endState).toHaveText('End of log');
    const size = TEXT.length;
    await expect(logViewer.range).toContainText(`of ${size.toLocaleString('en-US')}`);
    expect(requests[0]).toBe('?offset=-1&length=102400');

    // The file is under 200 KiB, so the previous chunk reaches its first byte.
    expect(size).toBeLessThan(2 * 102400);
    await logViewer.text.evaluate((el) => (el.scrollTop = 0));
    const firstLoaded = (await logViewer.lines.first().textContent()) ?? '';
    await logViewer.loadOlder.click();
    await expect(logViewer.range).toContainText('bytes 0 –');
    expect(requests[1]).toBe(`?offset=0&length=${size - 102400}`);
    // The reader stays where they were: the line that was at the top before is still in view.
    await expect(logViewer.loadOlder).toHaveText('Top of log');
    await expect(logViewer.lines.filter({ hasText: firstLoaded.slice(-20) }).first()).toBeInViewport();
    await logViewer.text.evaluate((el) => (el.scrollTop = 0));
    await expect(logViewer.lines.first()).toHaveText(LINE(0).trimEnd());

    // Search highlights every match in the loaded text; Enter walks through them.
    await logViewer.search.fill('NEEDLE');
    await expect(logViewer.matchCount).toContainText('/ 6');
    await expect(page).toHaveURL(/q=NEEDLE/);
    await expect(logViewer.text.locator('mark[data-current="true"]')).toHaveText('needle');
    await logViewer.search.press('Enter');
    await expect(logViewer.matchCount).toContainText('2 / 6');
    await expect(logViewer.text.locator('mark[data-current="true"]')).toBeVisible();

    // The toggle lives in the URL: the box shows checked once the navigation lands, which can take a moment.
    await logViewer.wrap.click();
    await expect(logViewer.wrap).toBeChecked();
    await expect(page).toHaveURL(/wrap=1/);
    await expect(logViewer.text).toHaveAttribute('data-wrap', 'true');
    await expect(logViewer.download).toHaveAttribute('href', `/api/console/apps/${APP}/logs/driver/stderr/download`);
  });

  test('an empty log says so', async ({ logViewer, page }) => {
    await mockLogs(page, '');
    await logViewer.goto(APP, 'driver', 'stderr');
    await expect(logViewer.root.getByTestId('empty-state')).toContainText('This log is empty');
  });
});
