import fs from 'node:fs';
import path from 'node:path';
import { CONFORMANCE_DIR } from '../test/support/sharedData.js';
import { AXIS_HEIGHT, EVENT_TIMELINE_GUTTER, MARKER_HALF } from '../src/web/components/timeline/eventTimelineGeometry.js';
import { expect, test } from './fixtures.js';

// The jobs page's event timeline on Spark's sample logs: the wheel zooms only after "Enable zooming" is ticked
// (as in Spark), and executor markers close in time are all visible and hoverable.

test.describe('event timeline behaviour', () => {
  test('the wheel scrolls the page until "Enable zooming" is ticked, then zooms', async ({ jobsPage, page }) => {
    await page.setViewportSize({ width: 1280, height: 420 });
    await jobsPage.goto('application_1628109047826_1317105');
    const canvas = jobsPage.timeline.locator('canvas').last();
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    const before = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, 200);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
    await expect(jobsPage.timeline).toHaveAttribute('data-zoomed', 'false');

    await jobsPage.timeline.getByTestId('timeline-enable-zoom').check();
    const box2 = (await canvas.boundingBox())!;
    await page.mouse.move(box2.x + box2.width * 0.6, box2.y + box2.height / 2);
    const pinned = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, -200);
    await expect(jobsPage.timeline).toHaveAttribute('data-zoomed', 'true');
    expect(await page.evaluate(() => window.scrollY)).toBe(pinned);
  });

  test('executors added within the same moment each get a visible, hoverable marker', async ({ jobsPage, page }) => {
    const app = 'app-20161115172038-0000';
    const added = [...fs.readFileSync(path.join(CONFORMANCE_DIR, 'spark-events', app), 'utf8').matchAll(/"Event":"SparkListenerExecutorAdded","Timestamp":(\d+),"Executor ID":"(\d+)"/g)];
    const times = added.map((m) => Number(m[1]));
    // The premise: several executors registered within a fraction of a second of each other.
    expect(added.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(1000);

    await jobsPage.goto(app);
    const markers = page.getByTestId('app-timeline-markers');
    await expect(markers).toHaveAttribute('data-markers', /added/);
    const placed = JSON.parse((await markers.getAttribute('data-markers'))!) as { key: string; x: number; y: number }[];
    const ids = added.map((m) => m[2]!);
    expect(placed.filter((p) => p.key.endsWith('-added')).map((p) => p.key.replace(/-added$/, '')).sort()).toEqual([...ids].sort());
    // No two markers share a spot: either on separate sub-rows or at least a marker's width apart.
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const [a, b] = [placed[i]!, placed[j]!];
        expect(a.y !== b.y || Math.abs(a.x - b.x) >= 2 * MARKER_HALF, `${a.key} and ${b.key} overlap`).toBe(true);
      }
    }
    // Each one answers to the pointer with its own tooltip.
    const canvas = jobsPage.timeline.locator('canvas').last();
    for (const id of ids) {
      const p = placed.find((m) => m.key === `${id}-added`)!;
      await canvas.hover({ position: { x: EVENT_TIMELINE_GUTTER + p.x, y: AXIS_HEIGHT + p.y } });
      await expect(jobsPage.timeline.getByTestId('timeline-tooltip')).toContainText(`Executor ${id} added`);
    }
  });
});
