import fs from 'node:fs';
import path from 'node:path';
import type { ExecutorSummary, ProcessSummary } from '../src/api/index.js';
import { CONFORMANCE_DIR } from '../test/support/sharedData.js';
import { expect, pagesTest as test } from './fixtures.js';

function golden<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(CONFORMANCE_DIR, 'expectations', file), 'utf8')) as T;
}
const sum = (list: readonly ExecutorSummary[], f: (e: ExecutorSummary) => number) => list.reduce((s, e) => s + f(e), 0);

// app-20161116163331-0000: five active executors, four excluded (executor_node_excludeOnFailure_expectation.json).
const EXCLUDED_APP = 'app-20161116163331-0000';
const excludedApp = golden<ExecutorSummary[]>('executor_node_excludeOnFailure_expectation.json');

test.describe('executors tab', () => {
  test('summary rows sum the executors like Spark', async ({ executorsPage }) => {
    await executorsPage.goto(EXCLUDED_APP);
    const active = excludedApp.filter((e) => e.isActive);
    await expect(executorsPage.summaryRow('active').locator('td').first()).toHaveText(`Active(${active.length})`);
    await expect(executorsPage.summaryRow('dead').locator('td').first()).toHaveText('Dead(0)');
    await expect(executorsPage.summaryRow('total').locator('td').first()).toHaveText(`Total(${excludedApp.length})`);
    await expect(await executorsPage.summaryCell('active', 'Cores')).toHaveText(String(sum(active, (e) => e.totalCores)));
    await expect(await executorsPage.summaryCell('active', 'Failed Tasks')).toHaveText(String(sum(active, (e) => e.failedTasks)));
    await expect(await executorsPage.summaryCell('active', 'Complete Tasks')).toHaveText(String(sum(active, (e) => e.completedTasks)));
    await expect(await executorsPage.summaryCell('active', 'Total Tasks')).toHaveText(String(sum(active, (e) => e.totalTasks)));
    await expect(await executorsPage.summaryCell('active', 'Excluded')).toHaveText(String(active.filter((e) => e.isExcluded).length));
    // 5 × 908381388 B of storage memory; 21364 ms of task time with 344 ms of GC.
    expect(sum(active, (e) => e.maxMemory)).toBe(4541906940);
    await expect(await executorsPage.summaryCell('active', 'Storage Memory')).toHaveText('0.0 B / 4.2 GiB');
    expect([sum(active, (e) => e.totalDuration), sum(active, (e) => e.totalGCTime)]).toEqual([21364, 344]);
    await expect(await executorsPage.summaryCell('total', 'Task Time (GC Time)')).toHaveText('21 s (0.3 s)');
  });

  test('executor rows: driver first, excluded status, failure shading, log links', async ({ executorsPage }) => {
    await executorsPage.goto(EXCLUDED_APP);
    await expect(executorsPage.rows.locator('td:first-child')).toHaveText(['driver', '0', '1', '2', '3']);
    for (const e of excludedApp) {
      await expect(executorsPage.row(e.id).getByTestId('executor-status')).toHaveText(e.isExcluded ? 'Excluded' : 'Active');
      await expect(await executorsPage.cell(e.id, 'Address')).toHaveText(e.hostPort);
    }
    const exec0 = excludedApp.find((e) => e.id === '0')!;
    expect([exec0.failedTasks, exec0.totalTasks]).toEqual([4, 4]);
    // 100% failed: Spark's red at full alpha.
    await expect((await executorsPage.cell('0', 'Failed Tasks')).locator('[data-shaded]')).toHaveCSS('background-color', 'rgb(255, 0, 0)');
    await expect((await executorsPage.cell('1', 'Failed Tasks')).locator('[data-shaded]')).toHaveCount(0);
    await expect(await executorsPage.cell('0', 'Task Time (GC Time)')).toHaveText('3 s (0.1 s)');
    await expect(executorsPage.row('2').getByRole('link', { name: 'stdout' })).toHaveAttribute('href', excludedApp.find((e) => e.id === '2')!.executorLogs.stdout!);
  });

  test('?executor=<id> highlights and scrolls to that row (stage page contract)', async ({ executorsPage, page }) => {
    await executorsPage.goto(EXCLUDED_APP, '?executor=3');
    const row = executorsPage.row('3');
    await expect(row).toHaveAttribute('data-highlighted', 'true');
    await expect(row).toHaveClass(/row-highlight/);
    await expect(row).toBeInViewport();
    await expect(row.getByRole('link', { name: 'stderr' })).toHaveAttribute('href', excludedApp.find((e) => e.id === '3')!.executorLogs.stderr!);
    await expect(page.locator('tr[data-highlighted="true"]')).toHaveCount(1);
  });

  test('?executor=<id> on a later page opens that page; paging away stays possible', async ({ executorsPage, page }) => {
    // application_1628109047826_1317105: driver and executors 1-10; in Spark's order executor 10 is the last row.
    await executorsPage.goto('application_1628109047826_1317105', '?executor=10&executors.pageSize=5');
    await expect(page).toHaveURL(/executors\.page=3/);
    await expect(executorsPage.row('10')).toHaveAttribute('data-highlighted', 'true');
    await expect(executorsPage.row('10')).toBeInViewport();
    await page.getByRole('button', { name: 'First page' }).click();
    await expect(executorsPage.rows.locator('td:first-child')).toHaveText(['driver', '1', '2', '3', '4']);
  });

  test('additional metrics are columns kept in the URL; sorting is a deep link', async ({ executorsPage, page }) => {
    // application_1553914137147_0018 carries peak executor metrics (executor_list_with_executor_metrics_json_expectation.json).
    const execs = golden<ExecutorSummary[]>('executor_list_with_executor_metrics_json_expectation.json');
    const exec1 = execs.find((e) => e.id === '1')!;
    expect([exec1.peakMemoryMetrics!.JVMHeapMemory, exec1.peakMemoryMetrics!.JVMOffHeapMemory]).toEqual([984736560, 60829472]);
    await executorsPage.goto('application_1553914137147_0018');
    await expect(executorsPage.table.locator('thead')).not.toContainText('Peak JVM Memory');
    await executorsPage.showMetric('Peak JVM Memory OnHeap / OffHeap');
    await expect(page).toHaveURL(/metrics=peakJvm/);
    await expect(await executorsPage.cell('1', 'Peak JVM Memory OnHeap / OffHeap')).toHaveText('939.1 MiB / 58.0 MiB');
    await executorsPage.table.getByRole('button', { name: 'Executor ID' }).click();
    await expect(executorsPage.rows.locator('td:first-child')).toHaveText(['3', '2', '1', 'driver']);
    await expect(page).toHaveURL(/executors\.sort=id&executors\.desc=true/);
    await page.reload();
    await expect(executorsPage.rows.locator('td:first-child')).toHaveText(['3', '2', '1', 'driver']);
    await expect(await executorsPage.cell('1', 'Peak JVM Memory OnHeap / OffHeap')).toHaveText('939.1 MiB / 58.0 MiB');
  });

  test('miscellaneous process table (YARN AM)', async ({ executorsPage }) => {
    const [am] = golden<ProcessSummary[]>('miscellaneous_process_expectation.json');
    await executorsPage.goto('application_1555004656427_0144');
    const row = executorsPage.miscProcesses.locator('tbody tr');
    await expect(row).toHaveCount(1);
    await expect(row.locator('td')).toHaveText([am!.id, am!.hostPort, 'Active', String(am!.totalCores), 'stderrstdout']);
    await expect(row.getByRole('link', { name: 'stdout' })).toHaveAttribute('href', am!.processLogs.stdout!);
  });

  test('no miscellaneous section and no log column when there is nothing to show', async ({ executorsPage }) => {
    // local-1422981780767: only the driver, without log links.
    await executorsPage.goto('local-1422981780767');
    await expect(executorsPage.miscProcesses).toHaveCount(0);
    await expect(executorsPage.table.locator('thead')).not.toContainText('Logs');
    await expect(executorsPage.page.getByText('No executors besides the driver')).toBeVisible();
  });

  test('executors over time chart loads lazily and spans the run', async ({ executorsPage }) => {
    // application_1628109047826_1317105: dynamic allocation, executors added and removed.
    await executorsPage.goto('application_1628109047826_1317105');
    await expect(executorsPage.summaryRow('dead').locator('td').first()).toHaveText(/^Dead\([1-9]\d*\)$/);
    await expect(executorsPage.chart.locator('.recharts-area-area')).toBeVisible();
    await expect(executorsPage.page.getByTestId('executor-peak')).toContainText(/peak \d+ alive/);
  });
});
