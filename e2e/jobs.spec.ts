import { AXIS_HEIGHT, LANES_TOP } from '../src/web/components/timeline/eventTimelineGeometry.js';
import { expect, hoverTimeline, test } from './fixtures.js';

/** Inside the first lane of bars, below the axis and the executor row. */
const FIRST_LANE_Y = AXIS_HEIGHT + LANES_TOP + 10;

// Values from Spark's golden files: job_list_json_expectation.json, one_job_json_expectation.json.
test.describe('jobs tab', () => {
  test('summary and job tables of local-1422981780767 (3 jobs, one failed)', async ({ jobsPage, appShell }) => {
    await jobsPage.goto('local-1422981780767');
    await expect(appShell.tab('Jobs')).toHaveAttribute('aria-current', 'page');
    await expect(jobsPage.summary).toContainText('irashid');
    await expect(jobsPage.summary).toContainText('Scheduling Mode:FIFO');
    await expect(jobsPage.summary).toContainText('Completed Jobs:2');
    await expect(jobsPage.summary).toContainText('Failed Jobs:1');
    await expect(jobsPage.table('completed').locator('tbody tr')).toHaveCount(2);
    await expect(jobsPage.row(0)).toContainText('count at <console>:15');
    await expect(jobsPage.row(0).getByTestId('progress-bar')).toHaveAttribute('aria-valuetext', '8/8');
    await expect(jobsPage.row(1)).toContainText('count at <console>:20');
    await expect(jobsPage.row(1)).toContainText('1/2 (1 failed)');
    await expect(jobsPage.row(1).getByTestId('progress-bar')).toHaveAttribute('aria-valuetext', '15/16 (1 failed)');
  });

  test('job table sort is a deep link', async ({ jobsPage, page }) => {
    await jobsPage.goto('local-1422981780767');
    const ids = jobsPage.table('completed').locator('tbody tr td:first-child');
    await expect(ids).toHaveText(['2', '0']);
    await jobsPage.table('completed').getByRole('button', { name: 'Job Id' }).click();
    await expect(ids).toHaveText(['0', '2']);
    await expect(page).toHaveURL(/completedJob\.sort=id&completedJob\.desc=false/);
    await page.reload();
    await expect(ids).toHaveText(['0', '2']);
  });

  test('event timeline draws jobs and executors, shows tooltips and opens a job on click', async ({ jobsPage, page }) => {
    // application_1628109047826_1317105: one job (collect at <console>:27) and dynamic executors.
    await jobsPage.goto('application_1628109047826_1317105');
    await expect(jobsPage.timeline).toHaveAttribute('data-drawn', /^[1-9]\d*$/);
    const box = (await jobsPage.timeline.locator('canvas').last().boundingBox())!;
    // The job bar sits in the first lane below the executor row; scan along it for the tooltip.
    let tooltipText = '';
    for (const f of [0.7, 0.8, 0.9, 0.75, 0.85]) {
      const tip = await hoverTimeline(jobsPage.timeline, f, FIRST_LANE_Y);
      if (await tip.isVisible()) {
        tooltipText = (await tip.textContent()) ?? '';
        break;
      }
    }
    expect(tooltipText).toContain('collect at <console>:27 (Job 0)');
    await page.mouse.click(box.x + box.width * 0.8, box.y + FIRST_LANE_Y);
    await expect(page).toHaveURL(/\/jobs\/0$/);
  });

  test('timeline zooms with the keyboard and resets', async ({ jobsPage }) => {
    await jobsPage.goto('application_1628109047826_1317105');
    const reset = jobsPage.timeline.getByTestId('timeline-reset');
    await expect(reset).toBeDisabled();
    await jobsPage.timeline.getByRole('img').focus();
    await jobsPage.timeline.getByRole('img').press('+');
    await expect(jobsPage.timeline).toHaveAttribute('data-zoomed', 'true');
    await reset.click();
    await expect(jobsPage.timeline).toHaveAttribute('data-zoomed', 'false');
  });

  test('job detail: summary, DAG, stage tables and durations chart', async ({ jobPage, page }) => {
    // local-1642039451826 job 2 ran stage 5 and skipped stages 3 and 4.
    await jobPage.goto('local-1642039451826', 2);
    await expect(jobPage.summary).toContainText('succeeded');
    await expect(jobPage.summary).toContainText('Completed Stages:1');
    await expect(jobPage.summary).toContainText('Skipped Stages:2');
    // As Spark's job DAG: one cluster per stage holding its RDDs in their operation scopes, RDD edges inside a
    // stage and, between stages, the edge from the RDD a stage wrote to the ShuffledRowRDD that reads it
    // (stage graph of the sample log: 3 → 4 → 5). The skipped stages are grey.
    const dag = jobPage.dag;
    await expect(dag.locator('[data-stage-node]')).toHaveCount(3);
    await expect(dag.locator('[data-rdd-node]')).toHaveCount(11);
    await expect(dag.locator('[data-stage-node="3"] [data-rdd-node]')).toHaveCount(5);
    await expect(dag.locator('[data-stage-node="5"] [data-rdd-node="5:8"] title')).toHaveText(/ShuffledRowRDD \[8\] \[Unordered\]/);
    await expect(dag.locator('[data-stage-edge]')).toHaveCount(2);
    await expect(dag.locator('[data-edge="3:4->4:5"]')).toHaveAttribute('data-stage-edge', '3->4');
    await expect(dag.locator('[data-edge="4:7->5:8"]')).toHaveAttribute('data-stage-edge', '4->5');
    await expect(dag.locator('[data-edge="5:8->5:9"]')).toHaveCount(1);
    await expect(dag.locator('[data-edge="5:9->5:10"]')).toHaveCount(1);
    for (const scope of ['Exchange', 'WholeStageCodegen (3)', 'mapPartitionsInternal']) await expect(dag.locator(`[data-stage-node="5"] [data-cluster="${scope}"]`)).toHaveCount(1);
    await expect(dag.locator('[data-stage-node="3"] [data-cluster="WholeStageCodegen (1)"]')).toHaveCount(1);
    await expect(dag.locator('[data-stage-node="3"]')).toHaveAttribute('data-status', 'SKIPPED');
    await expect(dag.locator('[data-stage-node="3"] rect[data-stage-box]')).toHaveAttribute('fill', '#D6D6D6');
    await expect(dag.locator('[data-stage-node="5"] rect[data-stage-box]')).toHaveAttribute('stroke', '#FF99AC');
    await expect(dag.locator('[data-stage-node="5"] [data-cluster="Exchange"] rect')).toHaveAttribute('fill', '#A0DFFF');
    await expect(jobPage.page.getByText('Edges are inferred')).toHaveCount(0);
    await expect(jobPage.stageTable('completed').locator('tbody tr')).toHaveCount(1);
    await expect(jobPage.stageTable('skipped').locator('tbody tr')).toHaveCount(2);
    await expect(page.getByTestId('stage-duration-chart')).toBeVisible();
    await jobPage.dag.getByRole('link', { name: /Stage 5/ }).click();
    await expect(page).toHaveURL(/\/stages\/5\/0$/);
  });

  test('job 0 of local-1422981780767 is count at <console>:15 with one 8-task stage', async ({ jobPage }) => {
    await jobPage.goto('local-1422981780767', 0);
    await expect(jobPage.stageTable('completed').locator('tbody tr')).toHaveCount(1);
    await expect(jobPage.stageTable('completed')).toContainText('count at <console>:15');
    await expect(jobPage.stageTable('completed').getByTestId('progress-bar')).toHaveAttribute('aria-valuetext', '8/8');
  });

  test('an unknown job shows Spark\'s error', async ({ page }) => {
    await page.goto('/apps/local-1422981780767/-/jobs/99');
    await expect(page.getByTestId('error-state')).toContainText('unknown job: 99');
  });
});

test.describe('stages tab', () => {
  test('stage tables per status with the failure reason (local-1422981780767)', async ({ stagesPage }) => {
    await stagesPage.goto('local-1422981780767');
    await expect(stagesPage.summary).toContainText('Completed Stages:3');
    await expect(stagesPage.summary).toContainText('Failed Stages:1');
    await expect(stagesPage.row(2)).toContainText('Job aborted due to stage failure');
    await expect(stagesPage.row(1).getByTestId('progress-bar')).toHaveAttribute('aria-valuetext', '8/8');
    await stagesPage.row(2).getByTestId('error-cell').getByRole('button', { name: '+details' }).click();
    await expect(stagesPage.row(2).getByTestId('error-details')).toContainText('Lost task');
  });
});
