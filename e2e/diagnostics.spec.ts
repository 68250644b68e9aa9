import type { WorkspaceApp } from '../src/demo/index.js';
import { demoApp, demoSummary } from './demoWorkspace.js';
import { appBase, expect, test } from './fixtures.js';

// Runs against the demo workspace server (see demoWorkspace.spec.ts), browsing as alice.
test.use({ baseURL: process.env.E2E_DEMO_URL, storageState: process.env.E2E_DEMO_ALICE_STATE });

const summary = demoSummary();
const failedApp = (a: WorkspaceApp) => a.completed && !a.succeeded && (a.scenario === 'oomFailure' || a.scenario === 'udfFailure');

test.describe('diagnostics', () => {
  test('a failed app says why it failed, and its top finding links to the stage it names', async ({ page }) => {
    const app = demoApp(summary, 'failed OOM or UDF app', failedApp);
    const base = appBase(app.appId, app.attemptId ?? '-');
    await page.goto(`${base}/jobs`);
    const why = page.getByTestId('why-summary');
    await expect(why).toBeVisible();
    await expect(why.getByRole('heading')).toHaveText('Why it failed');
    const top = why.getByTestId('why-finding').first();
    await expect(top.locator('[data-severity]')).toHaveText('critical');
    await expect(top).toContainText(/tasks? failed with .* \(why the stage failed\)/);
    await page.screenshot({ path: test.info().outputPath('why-summary.png'), fullPage: false });

    const stageLink = top.locator('a[data-link-kind="stage"]').first();
    const label = (await stageLink.textContent())!;
    const [, stageId, attemptId] = /stage (\d+)\.(\d+)/.exec(label)!;
    await stageLink.click();
    await expect(page).toHaveURL(new RegExp(`${base}/stages/${stageId}/${attemptId}$`));
    await expect(page.getByTestId('stage-page')).toBeVisible();

    // The Diagnostics tab lists every finding with its numbers.
    await page.goto(`${base}/diagnostics`);
    const findings = page.getByTestId('finding');
    await expect(findings.first()).toBeVisible();
    await expect(findings.first()).toContainText('Measured');
    await expect(findings.first()).toContainText('Explains');
    await page.screenshot({ path: test.info().outputPath('diagnostics-tab.png'), fullPage: true });
  });
});
