import type { ExecutionData } from '../src/api/index.js';
import { expect, pagesTest as test, setUrlCheckbox } from './fixtures.js';

// No golden file covers the SQL endpoints; values are those Spark writes into these sample logs (and the
// server's own `sql` answer is used to cross-check the drawn graph).

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

  // No sample log has a failed SQL execution: the list answer is mocked, pointing at local-1422981780767's real
  // failed job 1, whose failed stage's reason (failed_stage_list_json_expectation.json) is the error shown.
  test('failed table: job links and the failed stage\'s error (mocked list answer)', async ({ sqlListPage, page }) => {
    const failed: ExecutionData = {
      id: 4,
      status: 'FAILED',
      description: '',
      planDescription: '',
      submissionTime: '2015-02-03T16:43:05.000GMT',
      duration: 1200,
      runningJobIds: [],
      successJobIds: [0],
      failedJobIds: [1],
      nodes: [],
      edges: [],
    };
    await page.route('**/api/v1/applications/local-1422981780767/sql?*', (r) => r.fulfill({ json: [failed] }));
    await sqlListPage.goto('local-1422981780767');
    await expect(sqlListPage.summary.getByTestId('sql-count-failed')).toHaveText('1');
    const row = sqlListPage.row(4);
    // No description: Spark shows the id as the link text.
    await expect(row.locator('td').nth(1)).toHaveText('4');
    await expect(row.getByTestId('job-links')).toHaveText(['[0]', '[1]']);
    await expect(row.getByTestId('error-cell')).toContainText('Job aborted due to stage failure');
    await row.getByRole('button', { name: '+details' }).click();
    await expect(row.getByTestId('error-details')).toContainText('java.lang.RuntimeException: got a 3, failing');
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
