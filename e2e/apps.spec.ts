import fs from 'node:fs';
import path from 'node:path';
import type { ApplicationInfo } from '../src/api/index.js';
import { CONFORMANCE_DIR } from '../test/support/sharedData.js';
import { cellByHeader, expect, test } from './fixtures.js';

// Spark's sample logs (conformance/spark-events) and globalSetup's one running application (liveLog.ts).
// Like Spark's history page, the list has one row per attempt.
const golden = JSON.parse(fs.readFileSync(path.join(CONFORMANCE_DIR, 'expectations', 'application_list_json_expectation.json'), 'utf8')) as ApplicationInfo[];
const ROWS = golden.reduce((n, a) => n + a.attempts.length, 0) + 1;
const multiAttempt = golden.find((a) => a.attempts.length > 1)!;

test.describe('application list', () => {
  test('lists every attempt with its Spark metadata', async ({ appsPage }) => {
    await appsPage.goto('?pageSize=100');
    await expect(appsPage.rows).toHaveCount(ROWS);
    const row = appsPage.row('local-1422981780767');
    await expect(row).toContainText('Spark shell');
    await expect(row).toContainText('irashid');
    await expect(row).toContainText('9 s');
    await expect(appsPage.row('application_1628109047826_1317105')).toContainText('3.1.1.119');
    await expect(appsPage.pagerRange).toContainText(`of ${ROWS}`);
  });

  test('a multi-attempt application has a row per attempt with its own times and event-log download', async ({ appsPage }) => {
    await appsPage.goto('?pageSize=100');
    const rows = appsPage.attemptRows(multiAttempt.id);
    // Spark orders attempts newest first.
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-attempt-id')))).toEqual(multiAttempt.attempts.map((a) => a.attemptId));
    for (const [i, attempt] of multiAttempt.attempts.entries()) {
      const row = rows.nth(i);
      await expect(await cellByHeader(appsPage.table, row, 'Attempt ID')).toHaveText(attempt.attemptId!);
      await expect(await cellByHeader(appsPage.table, row, 'Completed')).not.toHaveText('—');
      await expect(await cellByHeader(appsPage.table, row, 'Last Updated')).not.toHaveText('—');
      await expect(row.getByTestId('row-event-log')).toHaveAttribute('href', `/api/v1/applications/${multiAttempt.id}/${attempt.attemptId}/logs`);
    }
    // An application without attempt ids downloads through its attempt-less path.
    await expect(appsPage.row('local-1422981780767').getByTestId('row-event-log')).toHaveAttribute('href', '/api/v1/applications/local-1422981780767/logs');
  });

  test('Completed and Last Updated sort on the server, in the URL', async ({ appsPage, page }) => {
    await appsPage.goto('?pageSize=100&status=succeeded&status=failed');
    await appsPage.sortBy('Completed');
    await expect(page).toHaveURL(/sort=-endTime/);
    // Newest end first: Spark's own listing order (by end time, descending) among completed applications.
    const ends = golden.flatMap((a) => a.attempts.map((t) => ({ id: a.id, end: t.endTimeEpoch })));
    const newest = ends.reduce((m, x) => (x.end > m.end ? x : m));
    await expect(appsPage.rows.first()).toHaveAttribute('data-app-id', newest.id);
    await appsPage.sortBy('Last Updated');
    await expect(page).toHaveURL(/sort=-lastUpdated/);
    await expect(appsPage.table.locator('th', { hasText: 'Last Updated' })).toHaveAttribute('aria-sort', 'descending');
  });

  test('search also matches the Spark user', async ({ appsPage, page }) => {
    await appsPage.goto();
    const jose = golden.filter((a) => a.attempts.some((t) => t.sparkUser === 'jose'));
    expect(jose.length).toBeGreaterThan(0);
    await appsPage.search.fill('jose');
    await expect(page).toHaveURL(/q=jose/);
    await expect(appsPage.rows).toHaveCount(jose.reduce((n, a) => n + a.attempts.length, 0));
  });

  test('search, facets and sort live in the URL and survive a reload', async ({ appsPage, page }) => {
    await appsPage.goto();
    await appsPage.search.fill('1628109047826');
    await expect(appsPage.rows).toHaveCount(1);
    await expect(page).toHaveURL(/q=1628109047826/);
    await page.reload();
    await expect(appsPage.rows).toHaveCount(1);
    await expect(appsPage.search).toHaveValue('1628109047826');

    await appsPage.goto();
    await appsPage.toggleFacet('filter-user', 'jose');
    await expect(appsPage.rows).toHaveCount(2);
    await expect(page).toHaveURL(/user=jose/);
    // jose's two applications: 1.7 min (app-20161115172038-0000) and 11 s (app-20161116163331-0000).
    await appsPage.sortBy('Duration');
    await expect(page).toHaveURL(/sort=-duration/);
    await expect(appsPage.rows.first()).toHaveAttribute('data-app-id', 'app-20161115172038-0000');
    await appsPage.sortBy('Duration');
    await expect(page).toHaveURL(/sort=duration/);
    await expect(appsPage.rows.first()).toHaveAttribute('data-app-id', 'app-20161116163331-0000');
  });

  test('server-side paging with a page-size selector', async ({ appsPage, page }) => {
    await appsPage.goto('?pageSize=5');
    await expect(appsPage.rows).toHaveCount(5);
    await expect(appsPage.pagerRange).toHaveText(`1–5 of ${ROWS} applications`);
    await page.getByRole('button', { name: 'Last page' }).click();
    await expect(appsPage.rows).toHaveCount(ROWS % 5 || 5);
    await expect(page).toHaveURL(new RegExp(`page=${Math.ceil(ROWS / 5)}`));
    await page.getByLabel('Page size').selectOption('20');
    await expect(appsPage.rows).toHaveCount(Math.min(ROWS, 20));
  });

  test('a filter that matches nothing shows an empty state', async ({ appsPage, page }) => {
    await page.goto('/?q=no-such-application');
    await expect(page.getByTestId('empty-state')).toContainText('No applications found');
    void appsPage;
  });

  test('opening an application from the list lands on its Jobs tab', async ({ appsPage, appShell, page }) => {
    await appsPage.goto();
    await appsPage.row('local-1422981780767').getByRole('link', { name: 'local-1422981780767' }).click();
    await expect(page).toHaveURL(/\/apps\/local-1422981780767\/-\/jobs$/);
    await expect(appShell.name).toHaveText('Spark shell');
    await expect(appShell.meta).toContainText('irashid');
    await expect(appShell.tab('Jobs')).toHaveAttribute('aria-current', 'page');
  });

  test('Enter on a focused row opens the application', async ({ appsPage, page }) => {
    await appsPage.goto();
    await appsPage.row('app-20161115172038-0000').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/apps\/app-20161115172038-0000\/-\/jobs$/);
  });

  test('dark mode toggle persists across reloads', async ({ appsPage, page }) => {
    await appsPage.goto();
    const toggle = page.getByTestId('theme-toggle');
    const wasDark = (await toggle.getAttribute('aria-pressed')) === 'true';
    await toggle.press('Enter');
    await expect(page.locator('html')).toHaveClass(wasDark ? /^(?!.*dark)/ : /dark/);
    await page.reload();
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('aria-pressed', String(!wasDark));
  });
});
