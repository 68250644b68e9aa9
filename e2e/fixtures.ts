import { test as base, expect, type Locator, type Page } from '@playwright/test';

/*
 * Page objects injected as fixtures: specs speak in terms of the console's pages ("open stage 0, filter
 * failed tasks") and the selectors live here, in one place.
 */

/** `/apps/:appId/:attempt/...`; `-` is the console's segment for applications without attempt ids. */
export function appBase(appId: string, attempt = '-'): string {
  return `/apps/${appId}/${attempt}`;
}

export class AppsPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly pagerRange: Locator;
  constructor(readonly page: Page) {
    this.table = page.getByTestId('apps-table');
    this.rows = this.table.locator('tbody tr');
    this.search = page.getByTestId('apps-search');
    this.pagerRange = page.getByTestId('pager-range');
  }
  async goto(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await expect(this.table).toBeVisible();
  }
  row(appId: string): Locator {
    return this.table.locator(`tr[data-app-id="${appId}"]`);
  }
  async toggleFacet(testId: string, value: string): Promise<void> {
    const filter = this.page.getByTestId(testId);
    await filter.locator('summary').click();
    await filter.getByLabel(value, { exact: true }).check();
    await filter.locator('summary').click();
  }
  async sortBy(header: string): Promise<void> {
    await this.table.getByRole('button', { name: header }).click();
  }
}

export class AppShell {
  readonly name: Locator;
  readonly meta: Locator;
  readonly tabs: Locator;
  constructor(readonly page: Page) {
    this.name = page.getByTestId('app-name');
    this.meta = page.getByTestId('app-meta');
    this.tabs = page.getByRole('navigation', { name: 'Application views' });
  }
  tab(name: string): Locator {
    return this.tabs.getByRole('link', { name, exact: true });
  }
}

export class JobsPage {
  readonly summary: Locator;
  readonly timeline: Locator;
  constructor(readonly page: Page) {
    this.summary = page.getByTestId('jobs-summary');
    this.timeline = page.getByTestId('app-timeline');
  }
  async goto(appId: string, attempt = '-'): Promise<void> {
    await this.page.goto(`${appBase(appId, attempt)}/jobs`);
    await expect(this.page.getByTestId('jobs-page')).toBeVisible();
    await expect(this.summary).toBeVisible();
  }
  /** `active`, `completed` or `failed`. */
  table(group: string): Locator {
    return this.page.getByTestId(`${group}Job-table`);
  }
  row(jobId: number): Locator {
    return this.page.locator(`tr#job-${jobId}`);
  }
}

export class JobPage {
  readonly summary: Locator;
  readonly dag: Locator;
  readonly timeline: Locator;
  constructor(readonly page: Page) {
    this.summary = page.getByTestId('job-summary');
    this.dag = page.getByTestId('stage-dag');
    this.timeline = page.getByTestId('job-timeline');
  }
  async goto(appId: string, jobId: number, attempt = '-'): Promise<void> {
    await this.page.goto(`${appBase(appId, attempt)}/jobs/${jobId}`);
    await expect(this.summary).toBeVisible();
  }
  stageTable(group: string): Locator {
    return this.page.getByTestId(`job.${group}Stage-table`);
  }
}

export class StagesPage {
  readonly summary: Locator;
  constructor(readonly page: Page) {
    this.summary = page.getByTestId('stages-summary');
  }
  async goto(appId: string, attempt = '-'): Promise<void> {
    await this.page.goto(`${appBase(appId, attempt)}/stages`);
    await expect(this.summary).toBeVisible();
  }
  table(group: string): Locator {
    return this.page.getByTestId(`${group}Stage-table`);
  }
  row(stageId: number, attemptId = 0): Locator {
    return this.page.locator(`tr#stage-${stageId}-${attemptId}`);
  }
}

/** Hovers the canvas timeline at a fraction of its plot and returns the tooltip. */
export async function hoverTimeline(timeline: Locator, xFraction: number, y: number): Promise<Locator> {
  const canvas = timeline.locator('canvas').last();
  const box = (await canvas.boundingBox())!;
  await canvas.hover({ position: { x: box.width * xFraction, y } });
  return timeline.getByTestId('timeline-tooltip');
}

export const test = base.extend<{ appsPage: AppsPage; appShell: AppShell; jobsPage: JobsPage; jobPage: JobPage; stagesPage: StagesPage }>({
  appsPage: async ({ page }, use) => use(new AppsPage(page)),
  appShell: async ({ page }, use) => use(new AppShell(page)),
  jobsPage: async ({ page }, use) => use(new JobsPage(page)),
  jobPage: async ({ page }, use) => use(new JobPage(page)),
  stagesPage: async ({ page }, use) => use(new StagesPage(page)),
});

export { expect };
