import { appBase, expect, test } from './fixtures.js';

// A page whose code cannot load (a stale lazy chunk after the console was rebuilt) shows a message with
// "Reload" in place of the page, never a white screen; the top bar and the application's tabs stay usable.
// The failure is made by aborting the request for the page's *static* chunk under /assets, not our API.

const APP = 'local-1422981780767';

test.describe('page errors', () => {
  test('a tab whose chunk fails to load says so with Reload; header and tabs stay', async ({ page, appShell }) => {
    await page.goto(`${appBase(APP)}/jobs`);
    await expect(page.getByTestId('jobs-summary')).toBeVisible();
    await page.route('**/assets/StoragePage-*.js', (r) => r.abort());

    await appShell.tab('Storage').click();
    const error = page.getByTestId('page-error');
    await expect(error).toBeVisible();
    await expect(error).toHaveAttribute('data-kind', 'stale-code');
    await expect(error).toContainText('This page could not be loaded');
    await expect(error.getByRole('button', { name: 'Reload' })).toBeVisible();
    await expect(appShell.name).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

    // Another tab still works from the same frame, and coming back to the broken one after the chunk is
    // reachable again (a reload) shows the page.
    await appShell.tab('Environment').click();
    await expect(error).toHaveCount(0);
    await expect(page.locator('section#runtime')).toBeVisible();
    await page.unroute('**/assets/StoragePage-*.js');
    await appShell.tab('Storage').click();
    await expect(error).toBeVisible();
    await error.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByTestId('storage-page')).toBeVisible();
    await expect(error).toHaveCount(0);
  });

  test('a top-level page whose chunk fails keeps the top bar', async ({ page }) => {
    await page.route('**/assets/AppsListPage-*.js', (r) => r.abort());
    await page.goto('/apps');
    const error = page.getByTestId('page-error');
    await expect(error).toBeVisible();
    await expect(error.getByRole('button', { name: 'Reload' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
    await expect(error).toHaveCount(0);
  });
});

test.describe('contract checks', () => {
  test('the specs run the bundle with contract checks on; a plain visit (production) has them off', async ({ page, browser, baseURL }) => {
    await page.goto('/apps');
    await expect(page.getByTestId('apps-table')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-contract-checks', 'on');

    const plain = await browser.newContext({ baseURL: baseURL! });
    try {
      const visitor = await plain.newPage();
      await visitor.goto('/apps');
      await expect(visitor.getByTestId('apps-table')).toBeVisible();
      await expect(visitor.locator('html')).not.toHaveAttribute('data-contract-checks', 'on');
    } finally {
      await plain.close();
    }
  });
});
