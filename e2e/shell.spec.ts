import { expect, test } from '@playwright/test';

test('the console shell is served at / by the real server', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#root')).toContainText('Spark Console');
});
