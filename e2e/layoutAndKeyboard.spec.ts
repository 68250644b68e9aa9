import { appBase, expect, pagesTest as test } from './fixtures.js';

// At 1280 px the wide tables fit their card (no scrollbar inside a scrolling page); at 1024 px only tables
// scroll sideways, never the page, and the task table's box is no taller than the window; stack traces wrap
// at word and name boundaries; and the keyboard reaches a page's later sections through per-section skip buttons.
// Spark's sample logs: app-20161115172038-0000's stage 0 has failed tasks with java.lang.RuntimeException.

const STAGE = `${appBase('app-20161115172038-0000')}/stages/0/0`;
// Five active executors, four of them excluded: every default column of the Executors table has values.
const EXECUTORS = `${appBase('app-20161116163331-0000')}/executors`;

/** Horizontal overflow of the page and of every table's scroll box. */
async function overflow(page: import('@playwright/test').Page) {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    tables: [...document.querySelectorAll('table')].map((t) => ({ label: t.getAttribute('aria-label'), over: t.parentElement!.scrollWidth - t.parentElement!.clientWidth })),
  }));
}

test.describe('layout at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the application list and the stage page\'s tables fit without their own horizontal scrollbar', async ({ appsPage, stagePage, page }) => {
    await appsPage.goto('?pageSize=100');
    let o = await overflow(page);
    expect(o.page).toBe(0);
    expect(o.tables.filter((t) => t.over > 0)).toEqual([]);

    await page.goto(STAGE);
    await expect(stagePage.taskRows.first()).toBeVisible();
    o = await overflow(page);
    expect(o.page).toBe(0);
    expect(o.tables.filter((t) => t.over > 0)).toEqual([]);
  });

  test('the Executors page\'s summary and executor tables fit without their own horizontal scrollbar', async ({ executorsPage, page }) => {
    await page.goto(EXECUTORS);
    await expect(executorsPage.rows.first()).toBeVisible();
    await expect(executorsPage.summaryRow('total')).toBeVisible();
    const o = await overflow(page);
    expect(o.page).toBe(0);
    expect(o.tables.map((t) => t.label)).toEqual(expect.arrayContaining(['Executors summary', 'Executors']));
    expect(o.tables.filter((t) => t.over > 0)).toEqual([]);
  });
});

test.describe('layout at 1024 px', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('wide tables scroll inside their own box, never the page', async ({ appsPage, stagePage, executorsPage, page }) => {
    await appsPage.goto('?pageSize=100');
    expect((await overflow(page)).page).toBe(0);
    await page.goto(EXECUTORS);
    await expect(executorsPage.rows.first()).toBeVisible();
    expect((await overflow(page)).page).toBe(0);
    await page.goto(STAGE);
    await expect(stagePage.taskRows.first()).toBeVisible();
    expect((await overflow(page)).page).toBe(0);
  });

  test("the task table's box is no taller than the window and its Errors column scrolls into view", async ({ stagePage, page }) => {
    // A short window: the rows outgrow it, so the box must stop at the window's height and scroll its rows.
    await page.setViewportSize({ width: 1024, height: 320 });
    await page.goto(STAGE);
    await expect(stagePage.taskRows.first()).toBeVisible();
    const box = stagePage.taskTable.locator('table').locator('xpath=..');
    const size = await box.evaluate((el) => ({ height: el.getBoundingClientRect().height, scrolls: el.scrollHeight > el.clientHeight, window: window.innerHeight }));
    expect(size.scrolls).toBe(true);
    expect(size.height).toBeLessThanOrEqual(size.window);

    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${STAGE}?task.status=FAILED`);
    await expect(stagePage.taskRows.first()).toBeVisible();
    const errors = stagePage.taskTable.getByRole('columnheader', { name: 'Errors' });
    await errors.scrollIntoViewIfNeeded();
    await expect(errors).toBeInViewport();
    const errorCell = stagePage.taskRows.first().locator('td').last();
    await expect(errorCell).toContainText('RuntimeException');
    await expect(errorCell).toBeInViewport();
  });

  test('an open stack trace wraps between words and names, never inside one, and stays in its card', async ({ stagePage, page }) => {
    await page.goto(`${STAGE}?task.status=FAILED`);
    const row = stagePage.taskRows.first();
    await row.getByRole('button', { name: '+details' }).click();
    const details = row.getByTestId('error-details');
    await expect(details).toContainText('java.lang.RuntimeException');
    const split = await details.evaluate((pre) => {
      // Every occurrence of each word: a word drawn on two lines has two client rects.
      const text = pre.textContent ?? '';
      const broken: string[] = [];
      for (const word of ['RuntimeException', 'DAGScheduler', 'ResultTask', 'Executor']) {
        let from = 0;
        for (;;) {
          const at = text.indexOf(word, from);
          if (at < 0) break;
          from = at + word.length;
          const range = document.createRange();
          // Walk the text nodes (the <wbr> breaks split them) to the word's start and end.
          const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
          let offset = 0;
          let node: Node | null;
          let started = false;
          while ((node = walker.nextNode()) !== null) {
            const len = node.textContent!.length;
            if (!started && at < offset + len) {
              range.setStart(node, at - offset);
              started = true;
            }
            if (started && at + word.length <= offset + len) {
              range.setEnd(node, at + word.length - offset);
              break;
            }
            offset += len;
          }
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(word);
        }
      }
      return { broken, over: pre.scrollWidth - pre.clientWidth };
    });
    expect(split.broken).toEqual([]);
    expect(split.over).toBeLessThanOrEqual(0);
  });
});

test.describe('keyboard', () => {
  test('skip buttons under the tab bar reach the task table in a few key presses', async ({ stagePage, page }) => {
    await page.goto(STAGE);
    await expect(stagePage.taskRows.first()).toBeVisible();
    await page.getByRole('navigation', { name: 'Application views' }).getByRole('link', { name: 'Stages' }).focus();
    let presses = 0;
    const skip = page.getByRole('navigation', { name: 'Sections of this page' }).getByRole('button', { name: /^Skip to Tasks/ });
    await expect(skip).toHaveCount(1);
    while (presses < 30 && !(await skip.evaluate((el) => el === document.activeElement))) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(presses).toBeLessThan(30);
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    const tasksToggle = page.locator('section#tasks h2 button');
    await expect(tasksToggle).toBeFocused();
    // The next stops are inside the task section.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('section')?.id)).toBe('tasks');
  });
});
