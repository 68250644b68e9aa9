import fs from 'node:fs';
import path from 'node:path';
import type { RDDStorageInfo } from '../src/api/index.js';
import { CONFORMANCE_DIR } from '../test/support/sharedData.js';
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

  // No sample log ends with an RDD still cached, so the filled tables run on a mocked API answer.
  test('cached RDDs: table, Spark byte text, sorting, detail with paged partitions (mocked answer)', async ({ storagePage, rddPage, page }) => {
    const partitions = Array.from({ length: 25 }, (_, i) => ({
      blockName: `rdd_2_${i}`,
      storageLevel: 'Memory Deserialized 1x Replicated',
      memoryUsed: 1000 + i,
      diskUsed: 0,
      executors: ['driver'],
    }));
    const events: RDDStorageInfo = {
      id: 2,
      name: 'events',
      numPartitions: 40,
      numCachedPartitions: 25,
      storageLevel: 'Memory Deserialized 1x Replicated',
      memoryUsed: 3 * 2 ** 30,
      diskUsed: 0,
      dataDistribution: [{ address: 'localhost:57971', memoryUsed: 3 * 2 ** 30, memoryRemaining: 2 ** 20, diskUsed: 0, onHeapMemoryUsed: 3 * 2 ** 30, onHeapMemoryRemaining: 2 ** 20, offHeapMemoryUsed: 0, offHeapMemoryRemaining: 0 }],
      partitions,
    };
    const users: RDDStorageInfo = { id: 10, name: 'users', numPartitions: 8, numCachedPartitions: 8, storageLevel: 'Disk Serialized 1x Replicated', memoryUsed: 0, diskUsed: 1536 };
    await page.route(`**/api/v1/applications/${APP}/storage/rdd`, (r) => r.fulfill({ json: [users, events] }));
    await page.route(`**/api/v1/applications/${APP}/storage/rdd/2`, (r) => r.fulfill({ json: events }));

    await storagePage.goto(APP);
    const rows = storagePage.table.locator('tbody tr');
    await expect(rows.locator('td:first-child')).toHaveText(['2', '10']);
    await expect(rows.first().locator('td')).toHaveText(['2', 'events', 'Memory Deserialized 1x Replicated', '25', '62.50%', '3.0 GiB', '0.0 B']);
    // Spark's Utils.bytesToString only switches unit at twice its size: 1536 B stays in bytes.
    await expect(rows.nth(1).locator('td')).toHaveText(['10', 'users', 'Disk Serialized 1x Replicated', '8', '100.00%', '0.0 B', '1536.0 B']);
    // Numbers sort largest first on the first click.
    await storagePage.table.getByRole('button', { name: 'Fraction Cached' }).click();
    await expect(rows.locator('td:first-child')).toHaveText(['10', '2']);
    await expect(page).toHaveURL(/storage\.sort=fractionCached&storage\.desc=true/);

    await storagePage.table.getByRole('link', { name: 'events' }).click();
    await expect(rddPage.title).toHaveText('RDD Storage Info for events');
    await expect(rddPage.distribution.locator('tbody tr td')).toHaveText(['localhost:57971', '3.0 GiB (1024.0 KiB Remaining)', '0.0 B (0.0 B Remaining)', '0.0 B']);
    await page.goto(`${page.url()}?block.pageSize=20&block.page=2`);
    const blocks = rddPage.partitions.locator('tbody tr');
    // Numeric block order: rdd_2_20 … rdd_2_24 on the second page.
    await expect(blocks.locator('td:first-child')).toHaveText(['rdd_2_20', 'rdd_2_21', 'rdd_2_22', 'rdd_2_23', 'rdd_2_24']);
    await expect(blocks.first().getByRole('link', { name: 'localhost:57971' })).toHaveAttribute('href', `/apps/${APP}/-/executors?executor=driver`);
  });
});
