import fs from 'node:fs';
import path from 'node:path';
import { CONFORMANCE_DIR } from '../test/support/sharedData.js';
import { demoEvents, persistedRdds } from './demoEvents.js';
import { demoApp, demoSummary } from './demoWorkspace.js';
import { appBase, expect, pagesTest as test } from './fixtures.js';

// Empty pages say why they are empty, in terms the user can act on. Facts come from Spark's sample logs (read
// in place) and from what the demo generator wrote.

const BLOCK_UPDATES = 'spark.eventLog.logBlockUpdates.enabled';

function sampleLogLines(appId: string): string[] {
  return fs.readFileSync(path.join(CONFORMANCE_DIR, 'spark-events', appId), 'utf8').split('\n');
}

test.describe('empty states on Spark\'s sample logs', () => {
  test('Storage of a log without block updates names the setting that writes them', async ({ storagePage }) => {
    const app = 'local-1422981780767';
    expect(sampleLogLines(app).some((l) => l.includes(BLOCK_UPDATES))).toBe(false);
    await storagePage.goto(app);
    await expect(storagePage.empty).toContainText('No RDDs are cached');
    await expect(storagePage.empty.getByTestId('no-block-updates')).toContainText(`${BLOCK_UPDATES}=true`);
  });

  test('a finished application that ran no job says so, not "No jobs yet"', async ({ page }) => {
    const app = 'application_1555004656427_0144';
    const lines = sampleLogLines(app);
    expect(lines.some((l) => l.includes('"SparkListenerJobStart"'))).toBe(false);
    expect(lines.some((l) => l.includes('"SparkListenerApplicationEnd"'))).toBe(true);
    await page.goto(`${appBase(app)}/jobs`);
    const empty = page.getByTestId('jobs-page').getByTestId('empty-state').filter({ hasText: 'No jobs' });
    await expect(empty).toContainText('ended without running any Spark job');
    await expect(empty).not.toContainText('yet');
    await page.goto(`${appBase(app)}/stages`);
    await expect(page.getByTestId('stages-page').getByTestId('empty-state')).toContainText('ended without submitting any stage');
  });
});

test.describe('empty states on the demo workspace', () => {
  test.use({ baseURL: process.env.E2E_DEMO_URL, storageState: process.env.E2E_DEMO_ALICE_STATE });

  test('Storage of a log with block updates but nothing cached does not blame the setting', async ({ storagePage }) => {
    const summary = demoSummary();
    const app = demoApp(summary, 'finished ETL app with block updates logged and nothing cached', (a) => {
      if (a.scenario !== 'etl' || !a.completed) return false;
      const events = demoEvents(a);
      const env = events.find((e) => e.Event === 'SparkListenerEnvironmentUpdate')?.['Spark Properties'] as Record<string, string> | [string, string][] | undefined;
      const props = Array.isArray(env) ? Object.fromEntries(env) : (env ?? {});
      return props[BLOCK_UPDATES] === 'true' && persistedRdds(events).length === 0;
    });
    await storagePage.goto(app.appId, app.attemptId ?? '-');
    await expect(storagePage.empty).toContainText('No RDDs are cached');
    await expect(storagePage.empty).toContainText('nothing was persisted');
    await expect(storagePage.empty.getByTestId('no-block-updates')).toHaveCount(0);
  });
});
