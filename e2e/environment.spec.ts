import fs from 'node:fs';
import path from 'node:path';
import type { ApplicationEnvironmentInfo } from '../src/api/index.js';
import { CONFORMANCE_DIR } from '../test/support/sharedData.js';
import { expect, pagesTest as test } from './fixtures.js';

function golden<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(CONFORMANCE_DIR, 'expectations', file), 'utf8')) as T;
}

// app-20161116163331-0000 (app_environment_expectation.json).
const APP = 'app-20161116163331-0000';
const env = golden<ApplicationEnvironmentInfo>('app_environment_expectation.json');

test.describe('environment tab', () => {
  test('sections, counts, default folding and runtime values', async ({ environmentPage }) => {
    await environmentPage.goto(APP);
    await expect(environmentPage.table('runtime').locator('tbody tr td:last-child')).toHaveText([
      env.runtime.javaVersion,
      env.runtime.javaHome,
      env.runtime.scalaVersion,
    ]);
    await expect(environmentPage.table('spark').locator('tbody tr')).toHaveCount(env.sparkProperties.length);
    await expect(environmentPage.table('spark').locator('tbody tr').first().locator('td')).toHaveText(env.sparkProperties[0]!);
    const folded: [string, number][] = [
      ['hadoop', env.hadoopProperties.length],
      ['system', env.systemProperties.length],
      ['metrics', env.metricsProperties.length],
      ['classpath', env.classpathEntries.length],
    ];
    for (const [prefix, count] of folded) {
      await expect(environmentPage.toggle(prefix)).toHaveAttribute('aria-expanded', 'false');
      await expect(environmentPage.section(prefix).getByTestId('section-count')).toHaveText(`(${count})`);
    }
    await environmentPage.toggle('system').click();
    await expect(environmentPage.table('system').locator('tbody tr')).toHaveCount(env.systemProperties.length);
    await expect(environmentPage.table('classpath')).toHaveCount(0);
  });

  test('filter text is in the URL and survives a reload; headers sort', async ({ environmentPage, page }) => {
    const matching = env.sparkProperties.filter(([k, v]) => `${k}\n${v}`.toLowerCase().includes('blacklist'));
    expect(matching.length).toBeGreaterThan(1);
    await environmentPage.goto(APP);
    await page.getByLabel('Filter Spark Properties').fill('blacklist');
    await expect(environmentPage.table('spark').locator('tbody tr')).toHaveCount(matching.length);
    await expect(environmentPage.section('spark').getByTestId('section-count')).toHaveText(`(${matching.length} of ${env.sparkProperties.length})`);
    await expect(page).toHaveURL(/spark\.filter=blacklist/);
    await page.reload();
    await expect(environmentPage.table('spark').locator('tbody tr')).toHaveCount(matching.length);
    await environmentPage.table('spark').getByRole('button', { name: 'Name' }).click();
    await environmentPage.table('spark').getByRole('button', { name: 'Name' }).click();
    const names = matching.map(([k]) => k).sort().reverse();
    await expect(environmentPage.table('spark').locator('tbody tr td:first-child')).toHaveText(names);
    // A link with a filter opens a section that is folded by default.
    await environmentPage.goto(APP, '?classpath.filter=scala-library');
    const classpath = env.classpathEntries.filter(([p, s]) => `${p}\n${s}`.toLowerCase().includes('scala-library'));
    await expect(environmentPage.table('classpath').locator('tbody tr')).toHaveCount(classpath.length);
    await expect(environmentPage.table('classpath').locator('thead th')).toHaveText([/Resource/, /Source/]);
  });

  test('resource profiles as Spark prints them (multiple_resource_profiles_expectation.json)', async ({ environmentPage }) => {
    const profiles = golden<ApplicationEnvironmentInfo>('multiple_resource_profiles_expectation.json').resourceProfiles;
    await environmentPage.goto('application_1578436911597_0052');
    const rows = environmentPage.table('resourceProfiles').locator('tbody tr');
    await expect(rows).toHaveCount(profiles.length);
    await expect(rows.locator('td:first-child')).toHaveText(profiles.map((p) => String(p.id)));
    const p0 = profiles[0]!;
    expect(p0.executorResources.gpu!.discoveryScript).toBe('/home/tgraves/getGpus');
    await expect(rows.first().locator('pre')).toHaveText(
      'Executor Reqs:\n\tcores: [amount: 1]\n\tmemory: [amount: 1024]\n\tgpu: [amount: 1, discovery: /home/tgraves/getGpus]\nTask Reqs:\n\tcpus: [amount: 1.0]\n\tgpu: [amount: 1.0]',
    );
  });

  test('redacted values are marked', async ({ environmentPage }) => {
    // app-20180109111548-0000's event log itself carries "spark.home":"*********(redacted)".
    await environmentPage.goto('app-20180109111548-0000', '?spark.filter=spark.home');
    const row = environmentPage.table('spark').locator('tbody tr');
    await expect(row).toHaveCount(1);
    await expect(row.locator('[data-redacted="true"]')).toHaveText('redacted');
    await expect(row.locator('[data-redacted="true"]')).toHaveAttribute('title', /\*{9}\(redacted\)/);
  });
});
