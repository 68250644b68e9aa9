import fs from 'node:fs';
import path from 'node:path';
import { bytesToString, type RDDStorageInfo } from '../src/api/index.js';
import { CONFORMANCE_DIR } from '../test/support/sharedData.js';
import { demoEvents, persistedRdds } from './demoEvents.js';
import { demoApp, demoSummary } from './demoWorkspace.js';
import { expect, pagesTest as test } from './fixtures.js';

function golden<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(CONFORMANCE_DIR, 'expectations', file), 'utf8')) as T;
}

const APP = 'local-1422981780767';

test.describe('storage tab', () => {
  test('nothing cached: "No RDDs are cached" (rdd_list_storage_json_expectation.json is [])', async ({ storagePage }) => {
    expect(golden<RDDStorageInfo[]>('rdd_list_storage_json_expectation.json')).toEqual([]);
    await storagePage.goto(APP);
    await expect(storagePage.empty).toContainText('No RDDs are cached');
    await expect(storagePage.table).toHaveCount(0);
  });

  test('RDD page of an uncached RDD (one_rdd_storage_json_expectation.json)', async ({ rddPage }) => {
    const rdd = golden<RDDStorageInfo>('one_rdd_storage_json_expectation.json');
    await rddPage.goto(APP, rdd.id);
    await expect(rddPage.title).toHaveText(`RDD Storage Info for ${rdd.name}`);
    await expect(rddPage.summary.locator('dd')).toHaveText([rdd.storageLevel, String(rdd.numCachedPartitions), String(rdd.numPartitions), '0.0 B', '0.0 B']);
    await expect(rddPage.page.getByRole('heading', { name: 'Data Distribution on 0 Executors' })).toBeVisible();
    await expect(rddPage.page.getByRole('heading', { name: `${rdd.partitions!.length} Partitions` })).toBeVisible();
  });

  test('unknown RDD: Spark\'s 404 text', async ({ rddPage, page }) => {
    await rddPage.goto(APP, 7);
    await expect(page.getByTestId('error-state')).toContainText('RDD Not Found');
    await expect(page.getByTestId('error-state')).toContainText('HTTP 404');
  });
});

// No sample log ends with an RDD still cached; the demo workspace's cache scenario does (logBlockUpdates on,
// the RDD kept to the end), so the filled tables run on it, with values read back from its generated log.
test.describe('storage tab on the demo workspace', () => {
  test.use({ baseURL: process.env.E2E_DEMO_URL, storageState: process.env.E2E_DEMO_ALICE_STATE });

  const cacheApp = () => demoApp(demoSummary(), 'cache app that keeps its RDD', (a) => a.scenario === 'cache' && a.completed && !a.sparkVersion.startsWith('3.1'));

  test('cached RDD: row from the log\'s blocks, Spark byte text, URL-held sort', async ({ storagePage, page }) => {
    const app = cacheApp();
    const [rdd] = persistedRdds(demoEvents(app));
    expect(rdd, 'the cache scenario keeps one RDD').toBeDefined();
    const blocks = [...rdd!.blocks.values()];
    const memory = blocks.reduce((n, b) => n + b.memory, 0);
    const disk = blocks.reduce((n, b) => n + b.disk, 0);

    await storagePage.goto(app.appId, app.attemptId ?? '-');
    const row = storagePage.table.locator('tbody tr');
    await expect(row).toHaveCount(1);
    await expect(row.locator('td')).toHaveText([
      String(rdd!.id),
      rdd!.name,
      rdd!.storageLevel,
      String(rdd!.blocks.size),
      `${((100 * rdd!.blocks.size) / rdd!.numPartitions).toFixed(2)}%`,
      bytesToString(memory),
      bytesToString(disk),
    ]);
    // Numbers sort largest first on the first click, and the choice lives in the URL.
    const header = storagePage.table.locator('th', { hasText: 'Fraction Cached' });
    await header.getByRole('button').click();
    await expect(page).toHaveURL(/storage\.sort=fractionCached&storage\.desc=true/);
    await expect(header).toHaveAttribute('aria-sort', 'descending');
  });

  test('RDD detail: executors holding blocks, partitions paged in numeric block order', async ({ storagePage, rddPage, page }) => {
    const app = cacheApp();
    const rdd = persistedRdds(demoEvents(app))[0]!;
    await storagePage.goto(app.appId, app.attemptId ?? '-');
    await storagePage.table.getByRole('link', { name: rdd.name }).click();
    await expect(rddPage.title).toHaveText(`RDD Storage Info for ${rdd.name}`);
    const holders = new Set([...rdd.blocks.values()].flatMap((b) => b.executors));
    const hosts = rddPage.distribution.locator('tbody tr td:first-child');
    await expect(hosts).toHaveCount(holders.size);
    expect((await hosts.allInnerTexts()).sort()).toEqual([...holders].map((id) => rdd.addresses.get(id)!).sort());
    await expect(page.getByRole('heading', { name: `${rdd.blocks.size} Partitions` })).toBeVisible();

    await page.goto(`${page.url()}?block.pageSize=20&block.page=2`);
    const names = [...rdd.blocks.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const second = names.slice(20, 40);
    const rows = rddPage.partitions.locator('tbody tr');
    await expect(rows.locator('td:first-child')).toHaveText(second);
    const first = rdd.blocks.get(second[0]!)!;
    await expect(rows.first().getByRole('link', { name: rdd.addresses.get(first.executors[0]!)! })).toHaveAttribute(
      'href',
      `/apps/${app.appId}/${app.attemptId ?? '-'}/executors?executor=${first.executors[0]!}`,
    );
  });
});
