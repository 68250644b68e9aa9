import fs from 'node:fs';
import path from 'node:path';
import type { ApplicationInfo } from '../src/api/index.js';
import { CONFORMANCE_DIR } from '../test/support/sharedData.js';
import { appBase, expect, test } from './fixtures.js';

// Wrong addresses are answered plainly (no "Stage NaN", no silent swap to another attempt), and filter
// drop-downs behave like menus: Escape or a click elsewhere closes them, and they never hide the table.

const golden = JSON.parse(fs.readFileSync(path.join(CONFORMANCE_DIR, 'expectations', 'application_list_json_expectation.json'), 'utf8')) as ApplicationInfo[];

test.describe('plain answers to wrong addresses', () => {
  test('a stage, job, RDD or query id that is not a number says so', async ({ page }) => {
    const base = appBase('local-1422981780767');
    for (const [url, what] of [
      [`${base}/stages/abc/0`, 'stage “abc”'],
      [`${base}/stages/1/x`, 'stage “x”'],
      [`${base}/stages/abc`, 'stage “abc”'],
      [`${base}/jobs/first`, 'job “first”'],
      [`${base}/storage/rdd/-1`, 'RDD “-1”'],
      [`${base}/sql/1e3`, 'query “1e3”'],
    ] as const) {
      await page.goto(url);
      const alert = page.getByTestId('bad-id');
      await expect(alert).toContainText(`No ${what}`);
      await expect(page.locator('main')).not.toContainText('NaN');
      // The application's header and tabs stay, with a way back.
      await expect(page.getByTestId('app-name')).toBeVisible();
    }
    await page.getByTestId('bad-id').getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`${base}/sql$`));
  });

  test('an attempt the application does not have is named, with links to the ones it has', async ({ page }) => {
    const app = golden.find((a) => a.attempts.length > 1)!;
    const missing = String(Math.max(...app.attempts.map((a) => Number(a.attemptId))) + 5);
    await page.goto(`${appBase(app.id, missing)}/jobs`);
    const alert = page.getByTestId('unknown-attempt');
    await expect(alert).toContainText(`has no attempt “${missing}”`);
    await expect(page).toHaveURL(new RegExp(`/${missing}/jobs$`));
    await expect(alert.getByRole('link')).toHaveText(app.attempts.map((a) => `attempt ${a.attemptId}`));
    await alert.getByRole('link', { name: `attempt ${app.attempts[0]!.attemptId}` }).click();
    await expect(page).toHaveURL(new RegExp(`${appBase(app.id, app.attempts[0]!.attemptId)}/jobs$`));
    await expect(page.getByTestId('jobs-page')).toBeVisible();
  });
});

test.describe('filter drop-downs', () => {
  test('close on Escape and on a click outside, and push the table down instead of covering it', async ({ appsPage, page }) => {
    await appsPage.goto();
    const filter = page.getByTestId('filter-status');
    const panel = filter.locator('fieldset');
    await filter.locator('summary').click();
    await expect(panel).toBeVisible();
    const panelBox = (await panel.boundingBox())!;
    const tableBox = (await appsPage.table.boundingBox())!;
    expect(panelBox.y + panelBox.height).toBeLessThanOrEqual(tableBox.y);

    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(filter.locator('summary')).toBeFocused();

    await filter.locator('summary').click();
    await expect(panel).toBeVisible();
    await page.getByRole('heading', { name: 'Applications' }).click();
    await expect(panel).toBeHidden();

    // A tick inside keeps it open.
    await filter.locator('summary').click();
    await filter.getByLabel('running', { exact: true }).click();
    await expect(page).toHaveURL(/status=running/);
    await expect(panel).toBeVisible();
  });
});
