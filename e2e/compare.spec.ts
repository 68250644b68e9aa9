import type { Diagnostics, JobList, RunList } from '../src/api/index.js';
import { DAILY_JOB_CHANGE } from '../src/demo/index.js';
import { demoSummary } from './demoWorkspace.js';
import { expect, setUrlCheckbox, test } from './fixtures.js';

// Runs against the demo workspace server, browsing as alice (console administrator). What it asserts comes
// from the server's own answers and the generator's summary, never from hand-written numbers.
test.use({ baseURL: process.env.E2E_DEMO_URL, storageState: process.env.E2E_DEMO_ALICE_STATE });

const summary = demoSummary();
const PROJECT = 'sales_dw';
const DAILY_JOB = 'dws_order_daily';

test.describe('runs of a job', () => {
  test('from the projects page to the costliest job, a run of it, its top stage finding and that stage', async ({ page }) => {
    const { jobs } = (await (await page.request.get(`/api/console/projects/${PROJECT}/jobs`)).json()) as JobList;
    const costliest = jobs[0]!;
    const runs = ((await (await page.request.get(`/api/console/apps/${costliest.lastRun.appId}/runs`)).json()) as RunList).runs;
    expect(runs.length).toBe(summary.apps.filter((a) => a.project === PROJECT && a.name === costliest.name).length);

    await page.goto('/');
    await page.locator(`[data-testid="project-card"][data-project="${PROJECT}"]`).getByRole('link', { name: PROJECT, exact: true }).click();
    const jobRows = page.getByTestId('project-job');
    await expect(jobRows.first()).toHaveAttribute('data-job', costliest.name);
    await jobRows.first().getByRole('link', { name: costliest.name }).click();

    await expect(page.getByTestId('job-name')).toHaveText(costliest.name);
    await expect(page.getByTestId('runs-table').locator('tbody tr')).toHaveCount(runs.length);
    await expect(page.getByTestId('run-point')).toHaveCount(runs.length);

    // The run whose findings name a stage (the generator's first daily run spills): open it from the chart.
    let target: { appId: string; stage: { stageId: number; attemptId: number }; title: string } | undefined;
    for (const run of runs) {
      const { findings } = (await (await page.request.get(`/api/console/apps/${run.appId}/attempts/-/diagnostics`)).json()) as Diagnostics;
      const named = findings.find((f) => f.links.some((l) => l.kind === 'stage'));
      const link = named?.links.find((l) => l.kind === 'stage');
      if (named && link) target = { appId: run.appId, stage: { stageId: link.stageId!, attemptId: link.attemptId! }, title: named.title };
    }
    expect(target, `a run of ${costliest.name} with a finding that names a stage`).toBeDefined();
    await page.locator(`[data-testid="run-point"][data-app-id="${target!.appId}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/apps/${target!.appId}/-/jobs$`));

    // The header's summary names the top finding; the Diagnostics tab leads to the stage it names.
    await expect(page.getByTestId('diagnostics-summary')).toBeVisible();
    await page.getByTestId('diagnostics-summary').click();
    const finding = page.getByTestId('finding').filter({ hasText: target!.title }).first();
    await finding.locator('a[data-link-kind="stage"]').first().click();
    await expect(page).toHaveURL(new RegExp(`/apps/${target!.appId}/-/stages/${target!.stage.stageId}/${target!.stage.attemptId}$`));
    const onStage = page.getByTestId('stage-findings');
    await expect(onStage).toContainText(target!.title);
    await page.screenshot({ path: test.info().outputPath('stage-findings.png'), fullPage: false });
  });

  test('compares two runs of one job, picked on the runs page, and shows the property that changed', async ({ page }) => {
    const daily = summary.apps.filter((a) => a.project === PROJECT && a.name === DAILY_JOB).sort((a, b) => a.startTime - b.startTime);
    expect(daily.length).toBeGreaterThanOrEqual(2);
    const [first, second] = daily;
    await page.goto(`/apps/${second!.appId}/-/jobs`);
    await page.getByTestId('runs-link').click();
    await setUrlCheckbox(page.getByLabel(`Pick ${first!.appId}`), true);
    await setUrlCheckbox(page.getByLabel(`Pick ${second!.appId}`), true);
    await expect(page).toHaveURL(/pick=/);
    await page.getByTestId('compare-picked').click();

    await expect(page).toHaveURL(new RegExp(`/apps/${second!.appId}/-/compare\\?with=${first!.appId}`));
    await expect(page.getByTestId('run-a')).toHaveText(second!.appId);
    await expect(page.getByTestId('run-b')).toHaveText(first!.appId);
    for (const [key, value] of Object.entries(DAILY_JOB_CHANGE)) {
      const row = page.locator(`[data-testid="property-diff"][data-key="${key}"]`);
      await expect(row).toContainText(value);
    }
    await page.screenshot({ path: test.info().outputPath('compare-runs.png'), fullPage: true });

    // The URL is the comparison: opened afresh it shows the same two runs.
    await page.reload();
    await expect(page.getByTestId('run-b')).toHaveText(first!.appId);

    // From the app header: "Compare with previous run" lands on the same comparison, its URL made explicit.
    await page.goto(`/apps/${second!.appId}/-/jobs`);
    await page.getByTestId('compare-previous-link').click();
    await expect(page).toHaveURL(new RegExp(`/apps/${second!.appId}/-/compare\\?with=${first!.appId}`));
    await expect(page.locator(`[data-testid="property-diff"][data-key="spark.executor.memory"]`)).toContainText(DAILY_JOB_CHANGE['spark.executor.memory']!);
  });
});
