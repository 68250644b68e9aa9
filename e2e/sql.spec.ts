import type { ExecutionData } from '../src/api/index.js';
import { demoEvents } from './demoEvents.js';
import { demoApp, demoSummary } from './demoWorkspace.js';
import { expect, pagesTest as test, setUrlCheckbox } from './fixtures.js';

// No golden file covers the SQL endpoints; values are those Spark writes into these sample logs (and the
// server's own `sql` answer is used to cross-check the drawn graph), or those the demo generator wrote.

test.describe('SQL tab', () => {
  test('list: completed queries with job links, Spark\'s default newest-first order', async ({ sqlListPage }) => {
    // local-1642039451826: two "count at <console>:23" executions, jobs 0-2 and 3-5.
    await sqlListPage.goto('local-1642039451826');
    await expect(sqlListPage.summary.getByTestId('sql-count-completed')).toHaveText('2');
    await expect(sqlListPage.summary.getByTestId('sql-count-running')).toHaveText('0');
    await expect(sqlListPage.table('running')).toHaveCount(0);
    const rows = sqlListPage.table('completed').locator('tbody tr');
    await expect(rows.locator('td:first-child')).toHaveText(['1', '0']);
    await expect(sqlListPage.row(0)).toContainText('count at <console>:23');
    await expect(sqlListPage.row(0).getByTestId('job-links')).toHaveText('[0][1][2]');
    await expect(sqlListPage.row(1).getByTestId('job-links').getByRole('link', { name: '[4]' })).toHaveAttribute('href', '/apps/local-1642039451826/-/jobs/4');
    // 1678 ms and 191 ms.
    await expect(sqlListPage.row(0).locator('td').nth(3)).toHaveText('2 s');
    await expect(sqlListPage.row(1).locator('td').nth(3)).toHaveText('0.2 s');
    await sqlListPage.row(1).getByRole('link', { name: 'count at <console>:23' }).click();
    await expect(sqlListPage.page).toHaveURL(/\/sql\/1$/);
  });

  test('list: server paging by position (offset/length) in id order', async ({ sqlListPage, page }) => {
    await sqlListPage.goto('local-1642039451826', '?sql.pageSize=1');
    const ids = sqlListPage.table('completed').locator('tbody tr td:first-child');
    await expect(ids).toHaveText(['0']);
    await expect(sqlListPage.summary).toContainText('(on this page)');
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(ids).toHaveText(['1']);
    await expect(page).toHaveURL(/sql\.page=2/);
    await expect(page.getByTestId('pager-range')).toHaveText('2–2 of 2 executions (in id order)');
    await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
  });

  test('execution: summary, plan graph built from the REST nodes and edges, layout top-down', async ({ sqlExecutionPage, page, request }) => {
    const app = 'app-20200706201101-0003';
    const api = (await (await request.get(`/api/v1/applications/${app}/sql/0`)).json()) as ExecutionData;
    await sqlExecutionPage.goto(app, 0);
    await expect(page.getByRole('heading', { name: /Details for Query 0/ })).toBeVisible();
    await expect(sqlExecutionPage.summary).toContainText('foreach at <console>:26');
    await expect(sqlExecutionPage.summary.getByTestId('job-links')).toHaveText('[0][1][2]');

    const graph = sqlExecutionPage.graph;
    const codegen = api.nodes.filter((n) => n.nodeName.startsWith('WholeStageCodegen'));
    expect(codegen.map((n) => n.nodeName).sort()).toEqual(['WholeStageCodegen (1)', 'WholeStageCodegen (2)']);
    await expect(graph).toHaveAttribute('data-nodes', String(api.nodes.length - codegen.length));
    await expect(graph).toHaveAttribute('data-clusters', '2');
    await expect(graph.locator('[data-edge]')).toHaveCount(api.edges.length);
    for (const e of api.edges) await expect(graph.locator(`[data-edge="${e.fromId}-${e.toId}"]`)).toHaveCount(1);
    await expect(sqlExecutionPage.node(2)).toContainText('BroadcastHashJoin');
    await expect(sqlExecutionPage.node(2)).toContainText('number of output rows: 6,000,000');

    // Children are drawn above parents; nodes never overlap; codegen members sit inside their cluster.
    const box = async (sel: string) => (await graph.locator(sel).first().boundingBox())!;
    for (const e of api.edges) {
      const child = await box(`[data-node-id="${e.fromId}"] rect`);
      const parent = await box(`[data-node-id="${e.toId}"] rect`);
      expect(child.y + child.height).toBeLessThan(parent.y);
    }
    const rects = await Promise.all(api.nodes.filter((n) => !codegen.includes(n)).map((n) => box(`[data-node-id="${n.nodeId}"] rect`)));
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const [a, b] = [rects[i]!, rects[j]!];
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    }
    for (const c of codegen) {
      const cluster = await box(`[data-cluster-id="${c.nodeId}"] rect`);
      for (const m of api.nodes.filter((n) => n.wholeStageCodegenId === Number(/\d+/.exec(c.nodeName)![0]))) {
        const r = await box(`[data-node-id="${m.nodeId}"] rect`);
        expect(r.x >= cluster.x && r.y >= cluster.y && r.x + r.width <= cluster.x + cluster.width && r.y + r.height <= cluster.y + cluster.height).toBe(true);
      }
    }
  });

  test('execution: stage/task toggle, hover and pinned metrics with stage links, physical plan', async ({ sqlExecutionPage, page }) => {
    await sqlExecutionPage.goto('app-20200706201101-0003', 0);
    const cluster2 = sqlExecutionPage.graph.locator('text', { hasText: '25.1 s' });
    // Hidden by default, as in Spark.
    await expect(cluster2).toHaveText('25.1 s (1.5 s, 1.6 s, 1.6 s)');
    await page.getByTestId('stage-task-checkbox').check();
    await expect(cluster2).toHaveText('25.1 s (1.5 s, 1.6 s, 1.6 s (stage 2.0: task 42))');

    await sqlExecutionPage.node(5).hover();
    const tooltip = page.getByTestId('plan-node-tooltip');
    await expect(tooltip).toContainText('BroadcastHashJoin');
    await expect(tooltip).toContainText('number of output rows');
    await expect(tooltip).toContainText('300');

    // Keyboard: focus the codegen cluster and pin it with Enter; its max-task stage links to the stage page.
    await sqlExecutionPage.graph.locator('[data-cluster-id="1"]').focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('plan-node-panel');
    await expect(panel).toContainText('WholeStageCodegen (2)');
    await expect(panel.getByRole('link', { name: '(stage 2.0: task 42)' })).toHaveAttribute('href', '/apps/app-20200706201101-0003/-/stages/2/0');

    await expect(sqlExecutionPage.plan).toHaveCount(0);
    await page.getByRole('button', { name: 'Details', exact: true }).click();
    await expect(sqlExecutionPage.plan).toContainText('== Physical Plan ==');
    await expect(sqlExecutionPage.plan).toContainText('BroadcastHashJoin Inner BuildLeft (7)');
  });

  test('execution: compact nodes are a URL choice; unknown query', async ({ sqlExecutionPage, page }) => {
    await sqlExecutionPage.goto('local-1642039451826', 0);
    await expect(sqlExecutionPage.node(9)).toContainText('number of output rows: 100');
    await setUrlCheckbox(page.getByTestId('plan-metrics-checkbox'), false);
    await expect(page).toHaveURL(/plan=compact/);
    await expect(sqlExecutionPage.node(9)).toHaveText('Range');
    await sqlExecutionPage.goto('local-1642039451826', 9);
    await expect(page.getByTestId('error-state')).toContainText('No information to display for query 9');
  });
});

// No sample log has a failed SQL execution; the demo workspace's OOM scenario on Spark 3.4 does (its
// SQLExecutionEnd carries errorMessage), so the failed table runs on it, with values read from its log.
test.describe('SQL tab on the demo workspace', () => {
  test.use({ baseURL: process.env.E2E_DEMO_URL, storageState: process.env.E2E_DEMO_ALICE_STATE });

  test('failed table: job links and the execution\'s error with its details', async ({ sqlListPage }) => {
    const app = demoApp(demoSummary(), 'failed SQL execution on Spark 3.4+', (a) => a.scenario === 'oomFailure' && a.completed && !/^(2|3\.[0-3])\./.test(a.sparkVersion));
    const events = demoEvents(app);
    const failedEnd = events.find((e) => e.Event.endsWith('SQLExecutionEnd') && typeof e.errorMessage === 'string' && e.errorMessage !== '')!;
    expect(failedEnd, 'the OOM scenario fails a SQL execution').toBeDefined();
    const executionId = failedEnd.executionId as number;
    // Jobs of the execution, split by their result.
    const jobIds = events
      .filter((e) => e.Event === 'SparkListenerJobStart' && (e.Properties as Record<string, string> | undefined)?.['spark.sql.execution.id'] === String(executionId))
      .map((e) => e['Job ID'] as number);
    const failedJobIds = events
      .filter((e) => e.Event === 'SparkListenerJobEnd' && jobIds.includes(e['Job ID'] as number) && (e['Job Result'] as { Result: string }).Result === 'JobFailed')
      .map((e) => e['Job ID'] as number);
    expect(failedJobIds.length).toBeGreaterThan(0);
    // Spark 3.5's REST answer has no error field, so the console shows the failure reason of the failed job's
    // first failed stage, which names the same error the execution ended with.
    const stageIds = new Set(events.filter((e) => e.Event === 'SparkListenerJobStart' && failedJobIds.includes(e['Job ID'] as number)).flatMap((e) => e['Stage IDs'] as number[]));
    const reason = events
      .filter((e) => e.Event === 'SparkListenerStageCompleted')
      .map((e) => e['Stage Info'] as { 'Stage ID': number; 'Failure Reason'?: string })
      .find((s) => stageIds.has(s['Stage ID']) && s['Failure Reason'] !== undefined)!['Failure Reason']!;
    expect(failedEnd.errorMessage as string).toContain(reason.split('\n')[0]);
    const [headline = '', ...rest] = reason.split('\n');

    await sqlListPage.goto(app.appId, '', app.attemptId ?? '-');
    await expect(sqlListPage.summary.getByTestId('sql-count-failed')).toHaveText('1');
    const row = sqlListPage.row(executionId);
    await expect(row.getByTestId('job-links')).toHaveText(jobIds.map((id) => `[${id}]`).join(''));
    await expect(row.getByTestId('error-cell')).toContainText(headline);
    await row.getByTestId('error-cell').getByRole('button', { name: '+details' }).click();
    await expect(row.getByTestId('error-details')).toContainText(rest.find((l) => l.trim() !== '')!.trim());
  });
});
