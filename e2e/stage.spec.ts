import { cellByHeader, expect, hoverTimeline, setUrlCheckbox, test } from './fixtures.js';

// Values from Spark's golden files (one_stage_attempt_json_expectation.json, stage_task_list_*.json).
test.describe('stage detail', () => {
  test('stage 1 of local-1422981780767: summary, 8 tasks, quantiles and executor aggregation', async ({ stagePage }) => {
    await stagePage.goto('local-1422981780767', 1);
    await expect(stagePage.summary).toContainText('Process local: 8');
    await expect(stagePage.summary).toContainText('Input Size / Records:26.7 MiB / 0');
    await expect(stagePage.summary).toContainText('Associated Job Ids:1');
    await expect(stagePage.taskRows).toHaveCount(8);
    await expect(stagePage.taskPager).toHaveText('1–8 of 8 tasks');
    await expect(stagePage.summaryMetrics.locator('tr[data-metric="Duration"] td')).toHaveText(['0.4 s', '0.4 s', '0.4 s', '0.4 s', '0.4 s']);
    await expect(stagePage.summaryMetrics.locator('tr[data-metric="Input Size / Records"] td').first()).toHaveText('3.3 MiB / 0');
    await expect(stagePage.executorTable.locator('tbody tr')).toHaveCount(1);
    await expect(stagePage.executorTable).toContainText('driver');
    await expect(stagePage.page.getByTestId('task-duration-chart')).toBeVisible();
    // The histogram is of wall-clock times and says so; Duration elsewhere is the executor run time.
    await expect(stagePage.page.getByTestId('task-duration-caption')).toContainText('Wall-clock time of 8 successful tasks');
  });

  test('a skipped stage says that no task reported metrics, without asking the server for them', async ({ stagePage, page }) => {
    const summaryRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.endsWith('/taskSummary')) summaryRequests.push(r.url());
    });
    // local-1642039451826 job 2 skipped stages 3 and 4 (their output was already there).
    await stagePage.goto('local-1642039451826', 3);
    await expect(stagePage.summary).toContainText('Status:skipped');
    await expect(page.locator('#summary-metrics')).toContainText('No tasks have reported metrics yet');
    expect(summaryRequests).toEqual([]);
  });

  test('the task timeline draws every task on canvas and explains a task on hover', async ({ stagePage, page }) => {
    // The timeline is one columnar request; the task table alone pages through the console task table.
    const timelineRequests: string[] = [];
    const taskPageLengths: number[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.endsWith('/timeline')) timelineRequests.push(url.pathname);
      if (url.pathname.endsWith('/tasks')) taskPageLengths.push(Number(url.searchParams.get('length') ?? 20));
    });
    await stagePage.goto('local-1422981780767', 1);
    await expect(stagePage.timeline).toHaveAttribute('data-drawn', '8');
    expect(timelineRequests).toEqual(['/api/console/apps/local-1422981780767/attempts/-/stages/1/0/timeline']);
    expect(taskPageLengths.length).toBeGreaterThan(0);
    expect(Math.max(...taskPageLengths)).toBeLessThanOrEqual(100);
    const canvas = stagePage.timeline.locator('canvas').last();
    const box = (await canvas.boundingBox())!;
    let text = '';
    // Rows are 16 px high under a 22 px axis; walk the first row until a bar answers.
    for (let f = 0.3; f < 0.95 && text === ''; f += 0.1) {
      const tip = await hoverTimeline(stagePage.timeline, f, 22 + 8);
      if (await tip.isVisible()) text = (await tip.textContent()) ?? '';
    }
    expect(text).toMatch(/Task \d+ \(attempt 0\)/);
    expect(text).toContain('Scheduler Delay');
    expect(text).toContain('Executor Computing Time');
    // Zoom with the wheel (after ticking Spark's "Enable zooming") and reset.
    await stagePage.timeline.getByTestId('timeline-enable-zoom').check();
    await canvas.hover({ position: { x: box.width * 0.6, y: 30 } });
    await stagePage.page.mouse.wheel(0, -400);
    await expect(stagePage.timeline).toHaveAttribute('data-zoomed', 'true');
    await stagePage.timeline.getByTestId('timeline-reset').click();
    await expect(stagePage.timeline).toHaveAttribute('data-zoomed', 'false');
  });

  test("the RDD DAG: Spark's node labels, operation-scope clusters and edges (local-1642039451826 stage 5)", async ({ stagePage }) => {
    await stagePage.goto('local-1642039451826', 5);
    const dag = stagePage.dag;
    await expect(dag.locator('[data-rdd-node]')).toHaveCount(3);
    await expect(dag.locator('[data-rdd-node="8"]')).toContainText('ShuffledRowRDD [8] [Unordered]');
    await expect(dag.locator('[data-rdd-node="8"]')).toContainText('count at <console>:23');
    await expect(dag.locator('[data-cluster="stage"]')).toContainText('Stage 5');
    for (const scope of ['Exchange', 'WholeStageCodegen (3)', 'mapPartitionsInternal']) await expect(dag.locator(`[data-cluster="${scope}"]`)).toHaveCount(1);
    await expect(dag.locator('[data-edge="8->9"]')).toHaveCount(1);
    await expect(dag.locator('[data-edge="9->10"]')).toHaveCount(1);
    await expect(dag.locator('[data-rdd-node="8"] rect')).toHaveAttribute('fill', '#C3EBFF');
    await expect(stagePage.summary).toContainText('Node local: 1');
  });

  test('task table pages, sorts and filters on the server, all in the URL', async ({ stagePage, page }) => {
    // app-20161115172038-0000 stage 0: 26 task attempts, 10 of them failed (stage_task_list_w__status_expectation.json).
    await stagePage.goto('app-20161115172038-0000', 0, 0, '?task.pageSize=10&task.sort=id');
    await expect(stagePage.taskRows).toHaveCount(10);
    await expect(stagePage.taskPager).toHaveText('1–10 of 26 tasks');
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/task\.page=2/);
    await expect(stagePage.taskRows.first()).toHaveAttribute('data-task-id', '10');
    // Clicking a header sorts on the server, ascending first as Spark's table does, then descending.
    const duration = stagePage.taskTable.getByRole('button', { name: /^Duration/ });
    await duration.click();
    await expect(page).toHaveURL(/task\.sort=duration/);
    await expect(page).not.toHaveURL(/task\.page=/);
    await duration.click();
    await expect(page).toHaveURL(/task\.desc=1/);
    await expect(stagePage.taskRows.first().locator('td').nth(9)).toHaveText('24 ms');
    await stagePage.filterTaskStatus('FAILED');
    await expect(page).toHaveURL(/task\.status=FAILED/);
    await expect(stagePage.taskPager).toHaveText('1–10 of 10 tasks');
    await expect(stagePage.taskTable.locator('tbody tr[data-status="FAILED"]')).toHaveCount(10);
  });

  test("sorting by a column gives Spark's order (local-1430917381534 stage 0)", async ({ stagePage }) => {
    // stage_task_list_w__sortBy_expectation.json: the 20 longest run times, ties by task id descending.
    const longestFirst = [6, 5, 1, 7, 4, 3, 0, 2, 22, 18, 17, 21, 19, 16, 9, 20, 14, 8, 12, 15];
    await stagePage.goto('local-1430917381534', 0, 0, '?task.sort=duration&task.desc=1');
    await expect(stagePage.taskRows).toHaveCount(20);
    await expect(stagePage.taskRows.first()).toHaveAttribute('data-task-id', '6');
    expect(await stagePage.taskRows.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-task-id'))))).toEqual(longestFirst);
    // Spark's taskList spelling still works in a link (the diagnostics' slowest-tasks links use it).
    await stagePage.goto('local-1430917381534', 0, 0, '?task.sort=-runtime');
    await expect(stagePage.taskTable.getByRole('columnheader', { name: /Duration/ })).toHaveAttribute('aria-sort', 'descending');
    expect(await stagePage.taskRows.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-task-id'))))).toEqual(longestFirst);
  });

  test('the search box finds tasks by error, host or status on the server', async ({ stagePage, page }) => {
    await stagePage.goto('app-20161115172038-0000', 0);
    await expect(stagePage.taskPager).toHaveText('1–20 of 26 tasks');
    const search = page.getByTestId('task-search');
    await search.fill('BAD EXEC');
    await expect(page).toHaveURL(/task\.search=BAD\+EXEC/);
    await expect(stagePage.taskPager).toHaveText('1–10 of 10 tasks');
    await expect(stagePage.taskTable.locator('tbody tr[data-status="FAILED"]')).toHaveCount(10);
    // Task 19 is the second attempt of index 11 (golden status list).
    await expect(stagePage.task(19).locator('td').nth(2)).toHaveText('1');
    await search.fill('no such text');
    await expect(stagePage.taskTable).toContainText('No task matches "no such text".');
    await search.fill('');
    await expect(stagePage.taskPager).toHaveText('1–20 of 26 tasks');
  });

  test('speculative tasks and the speculation summary (application_1628109047826_1317105)', async ({ stagePage, page }) => {
    await stagePage.goto('application_1628109047826_1317105', 0);
    const spec = page.getByTestId('speculation-summary');
    await expect(spec.locator('td')).toHaveText(['1', '0', '0', '0', '1']);
    await expect(stagePage.task(4)).toContainText('(speculative)');
    await expect(stagePage.task(4)).toContainText('killed');
    await expect(stagePage.task(4)).toContainText('another attempt succeeded');
  });

  test('additional metrics are a deep link', async ({ stagePage }) => {
    await stagePage.goto('application_1628109047826_1317105', 0, 0, '?metrics=all');
    await expect(stagePage.summaryMetrics.locator('tr[data-metric="Scheduler Delay"]')).toBeVisible();
    await expect(stagePage.taskTable.getByRole('columnheader', { name: 'Scheduler Delay' })).toBeVisible();
  });

  test("Show Additional Metrics: one box per metric, (De)select All, and the executors' peak memory (app-20200706201101-0003 stage 2)", async ({ stagePage, page }) => {
    await stagePage.goto('app-20200706201101-0003', 2);
    const picker = page.getByTestId('stage-additional-metrics');
    await picker.locator('summary').click();
    const box = (metric: string) => picker.locator(`input[data-metric="${metric}"]`);
    // The stage reads shuffle data (1600 B) and writes none: Spark offers the shuffle-read boxes only.
    await expect(box('shuffleFetchWait')).toBeVisible();
    await expect(box('shuffleRemoteReads')).toBeVisible();
    await expect(box('shuffleWriteTime')).toHaveCount(0);
    await expect(box('schedulerDelay')).toBeVisible();
    await expect(stagePage.taskTable.getByRole('columnheader', { name: 'Scheduler Delay' })).toHaveCount(0);

    await setUrlCheckbox(box('schedulerDelay'), true);
    await expect(page).toHaveURL(/metrics=schedulerDelay/);
    await expect(stagePage.taskTable.getByRole('columnheader', { name: 'Scheduler Delay' })).toBeVisible();
    await expect(stagePage.summaryMetrics.locator('tr[data-metric="Scheduler Delay"]')).toBeVisible();
    await expect(stagePage.taskTable.getByRole('columnheader', { name: 'Peak Execution Memory' })).toHaveCount(0);

    await setUrlCheckbox(box('all'), true);
    for (const h of ['Task Deserialization Time', 'Shuffle Read Fetch Wait Time', 'Shuffle Remote Reads', 'Result Serialization Time', 'Getting Result Time', 'Peak Execution Memory']) {
      await expect(stagePage.taskTable.getByRole('columnheader', { name: h })).toBeVisible();
    }
    // The executor table's peak pairs (stage_with_peak_metrics_expectation.json), driver first.
    const exec = stagePage.executorTable;
    await expect(exec.locator('tbody tr').first()).toHaveAttribute('data-executor', 'driver');
    const driver = exec.locator('tr[data-executor="driver"]');
    expect(await (await cellByHeader(exec, driver, 'Peak JVM Memory OnHeap / OffHeap')).textContent()).toBe('203.5 MiB / 180.3 MiB');
    expect(await (await cellByHeader(exec, driver, 'Peak Execution Memory OnHeap / OffHeap')).textContent()).toBe('0.0 B / 0.0 B');
    expect(await (await cellByHeader(exec, driver, 'Peak Storage Memory OnHeap / OffHeap')).textContent()).toBe('2.0 MiB / 0.0 B');
    expect(await (await cellByHeader(exec, driver, 'Peak Pool Memory Direct / Mapped')).textContent()).toBe('275.4 KiB / 0.0 B');

    await setUrlCheckbox(box('all'), false);
    await expect(page).not.toHaveURL(/metrics=/);
    await expect(exec.getByRole('columnheader', { name: 'Peak JVM Memory OnHeap / OffHeap' })).toHaveCount(0);
  });

  test('an unknown stage shows Spark\'s error', async ({ page }) => {
    await page.goto('/apps/local-1422981780767/-/stages/99/0');
    await expect(page.getByTestId('error-state')).toContainText('unknown stage: 99');
  });

  test('a stage without an attempt in the URL opens its newest attempt', async ({ page }) => {
    await page.goto('/apps/local-1422981780767/-/stages/1');
    await expect(page).toHaveURL(/\/stages\/1\/0$/);
  });
});

// The Executors page contract other pages rely on: `?executor=<id>` highlights row `executor-<id>`.
test.describe('failure path', () => {
  test('from the list to why a task failed, then to its executor and logs', async ({ appsPage, appShell, stagesPage, stagePage, page }) => {
    await appsPage.goto();
    await appsPage.row('app-20161115172038-0000').getByRole('link', { name: 'app-20161115172038-0000' }).click();
    await appShell.tab('Stages').click();
    await expect(stagesPage.summary).toBeVisible();
    await stagesPage.row(0).getByTestId('stage-link').click();
    await expect(page).toHaveURL(/\/stages\/0\/0$/);

    await stagePage.filterTaskStatus('FAILED');
    const failed = stagePage.task(1);
    await expect(failed).toHaveAttribute('data-status', 'FAILED');
    const error = failed.getByTestId('error-cell');
    await expect(error).toContainText('java.lang.RuntimeException: bad exec');
    await error.getByRole('button', { name: '+details' }).click();
    await expect(error.getByTestId('error-details')).toContainText('at $line16.$read');
    await expect(failed.getByTestId('log-links').getByRole('link', { name: 'stderr' })).toHaveAttribute('href', /executorId=0&logType=stderr/);

    await failed.getByTestId('task-executor-link').click();
    await expect(page).toHaveURL(/\/executors\?executor=0$/);
    await expect(page.locator('tr[data-highlighted="true"]')).toHaveAttribute('id', 'executor-0');
    await expect(page.locator('tr#executor-0').getByRole('link', { name: 'stdout' })).toHaveAttribute('href', /executorId=0&logType=stdout/);
    await expect(page.locator('tr#executor-0').getByRole('link', { name: 'stderr' })).toHaveAttribute('href', /executorId=0&logType=stderr/);
  });

  test('aggregated metrics by executor link to the executor and its logs', async ({ stagePage, page }) => {
    await stagePage.goto('app-20161115172038-0000', 0);
    const row = stagePage.executorTable.locator('tr[data-executor="2"]');
    await expect(row.locator('td').nth(5)).toHaveText('6');
    await expect(row.getByRole('link', { name: 'stdout' })).toHaveAttribute('href', /executorId=2&logType=stdout/);
    await row.getByTestId('executor-link').click();
    await expect(page).toHaveURL(/executors\?executor=2$/);
    await expect(page.locator('tr[data-highlighted="true"]')).toHaveAttribute('id', 'executor-2');
  });
});
