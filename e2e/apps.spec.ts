import { expect, test } from './fixtures.js';

// Spark's sample logs hold 16 applications (conformance/spark-events; two with two attempts), and globalSetup
// adds one running application (liveLog.ts): 17 in all.
test.describe('application list', () => {
  test('lists every application with its Spark metadata', async ({ appsPage }) => {
    await appsPage.goto();
    await expect(appsPage.rows).toHaveCount(17);
    const row = appsPage.row('local-1422981780767');
    await expect(row).toContainText('Spark shell');
    await expect(row).toContainText('irashid');
    await expect(row).toContainText('9 s');
    await expect(appsPage.row('application_1628109047826_1317105')).toContainText('3.1.1.119');
    await expect(appsPage.row('local-1430917381535').locator('td').nth(7)).toHaveText('2');
    await expect(appsPage.pagerRange).toContainText('of 17');
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
    await expect(appsPage.pagerRange).toHaveText('1–5 of 17 applications');
    await page.getByRole('button', { name: 'Last page' }).click();
    await expect(appsPage.rows).toHaveCount(2);
    await expect(page).toHaveURL(/page=4/);
    await page.getByLabel('Page size').selectOption('20');
    await expect(appsPage.rows).toHaveCount(17);
  });

  test('a filter that matches nothing shows an empty state', async ({ appsPage, page }) => {
    await page.goto('/?q=no-such-application');
    await expect(page.getByTestId('empty-state')).toContainText('No applications found');
    void appsPage;
  });

  test('opening an application from the list lands on its Jobs tab', async ({ appsPage, appShell, page }) => {
    await appsPage.goto();
    await appsPage.row('local-1422981780767').getByRole('link').click();
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
