import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { CONTRACT_CHECK_FLAG, CONTRACT_MISMATCH_PREFIX } from '../src/web/api/contractChecks.js';

/*
 * Page objects injected as fixtures: specs speak in terms of the console's pages ("open stage 0, filter
 * failed tasks") and the selectors live here, in one place.
 */

/** `/apps/:appId/:attempt/...`; `-` is the console's segment for applications without attempt ids. */
/**
 * Toggles a checkbox whose state lives in the URL. React Router applies navigations in a transition, so the
 * box may flip a frame after the click; Playwright's check()/uncheck() would call that "did not change".
 */
export async function setUrlCheckbox(box: Locator, checked: boolean): Promise<void> {
  if ((await box.isChecked()) !== checked) await box.click();
  await expect(box).toBeChecked({ checked });
}

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
    await this.page.goto(`/apps${query}`);
    await expect(this.table).toBeVisible();
  }
  /** The application's row; for a multi-attempt application its newest attempt (attempts are listed together, newest first). */
  row(appId: string): Locator {
    return this.table.locator(`tr[data-app-id="${appId}"]`).first();
  }
  /** Every row of an application: one per attempt. */
  attemptRows(appId: string): Locator {
    return this.table.locator(`tr[data-app-id="${appId}"]`);
  }
  async toggleFacet(testId: string, value: string): Promise<void> {
    const filter = this.page.getByTestId(testId);
    await filter.locator('summary').click();
    await setUrlCheckbox(filter.getByLabel(value, { exact: true }), true);
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

export class StagePage {
  readonly summary: Locator;
  readonly timeline: Locator;
  readonly summaryMetrics: Locator;
  readonly executorTable: Locator;
  readonly taskTable: Locator;
  readonly taskRows: Locator;
  readonly taskPager: Locator;
  readonly dag: Locator;
  constructor(readonly page: Page) {
    this.dag = page.getByTestId('rdd-dag');
    this.summary = page.getByTestId('stage-summary');
    this.timeline = page.getByTestId('task-timeline');
    this.summaryMetrics = page.getByTestId('summary-metrics');
    this.executorTable = page.getByTestId('executor-summary-table');
    this.taskTable = page.getByTestId('task-table');
    this.taskRows = this.taskTable.locator('tbody tr[data-task-id]');
    this.taskPager = page.getByTestId('task-table-section').getByTestId('pager-range');
  }
  async goto(appId: string, stageId: number, stageAttempt = 0, query = '', attempt = '-'): Promise<void> {
    await this.page.goto(`${appBase(appId, attempt)}/stages/${stageId}/${stageAttempt}${query}`);
    await expect(this.summary).toBeVisible();
  }
  task(taskId: number): Locator {
    return this.taskTable.locator(`tr[data-task-id="${taskId}"]`);
  }
  async filterTaskStatus(status: string): Promise<void> {
    const filter = this.page.getByTestId('task-status-filter');
    await filter.locator('summary').click();
    await setUrlCheckbox(filter.getByLabel(status, { exact: true }), true);
    await filter.locator('summary').click();
  }
}

/** Hovers the canvas timeline at a fraction of its plot and returns the tooltip. */
export async function hoverTimeline(timeline: Locator, xFraction: number, y: number): Promise<Locator> {
  const canvas = timeline.locator('canvas').last();
  const box = (await canvas.boundingBox())!;
  await canvas.hover({ position: { x: box.width * xFraction, y } });
  return timeline.getByTestId('timeline-tooltip');
}

/**
 * Every page of every spec runs the SPA with its contract checks on (each API answer parsed with its zod
 * schema, see src/web/api/contractChecks.ts) and fails the test when an answer does not match, or when the
 * browser refused something under the server's Content-Security-Policy.
 */
const contractChecked = base.extend({
  context: async ({ context }, use) => {
    await context.addInitScript(`globalThis.${CONTRACT_CHECK_FLAG} = true;`);
    const mismatches: string[] = [];
    const refused: string[] = [];
    context.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (m.text().startsWith(CONTRACT_MISMATCH_PREFIX)) mismatches.push(m.text());
      if (m.text().includes('Content Security Policy')) refused.push(m.text());
    });
    await use(context);
    expect(mismatches, 'API answers that do not match the contract').toEqual([]);
    expect(refused, 'what the browser refused under the Content-Security-Policy').toEqual([]);
  },
});

export const test = contractChecked.extend<{
  appsPage: AppsPage;
  appShell: AppShell;
  jobsPage: JobsPage;
  jobPage: JobPage;
  stagesPage: StagesPage;
  stagePage: StagePage;
}>({
  stagePage: async ({ page }, use) => use(new StagePage(page)),
  appsPage: async ({ page }, use) => use(new AppsPage(page)),
  appShell: async ({ page }, use) => use(new AppShell(page)),
  jobsPage: async ({ page }, use) => use(new JobsPage(page)),
  jobPage: async ({ page }, use) => use(new JobPage(page)),
  stagesPage: async ({ page }, use) => use(new StagesPage(page)),
});

export { expect };

/* Executors, Storage, Environment and SQL pages. */

/** A table cell by its column header text (sort arrows ignored), so specs survive optional columns. */
export async function cellByHeader(table: Locator, row: Locator, header: string): Promise<Locator> {
  const headers = (await table.locator('thead th').allTextContents()).map((h) => h.replace(/[▴▾↕]/g, '').trim().toLowerCase());
  const index = headers.indexOf(header.toLowerCase());
  if (index < 0) throw new Error(`no column "${header}" in [${headers.join(', ')}]`);
  return row.locator('td').nth(index);
}

export class ExecutorsPage {
  readonly summary: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly miscProcesses: Locator;
  readonly chart: Locator;
  constructor(readonly page: Page) {
    this.summary = page.getByTestId('executor-summary');
    this.table = page.getByTestId('executor-table');
    this.rows = this.table.locator('tbody tr');
    this.miscProcesses = page.getByTestId('misc-process-table');
    this.chart = page.getByTestId('executor-count-chart');
  }
  async goto(appId: string, query = '', attempt = '-'): Promise<void> {
    await this.page.goto(`${appBase(appId, attempt)}/executors${query}`);
    await expect(this.table).toBeVisible();
  }
  /** `active`, `dead` or `total`. */
  summaryRow(name: string): Locator {
    return this.summary.locator(`tr[data-summary-row="${name}"]`);
  }
  row(executorId: string): Locator {
    return this.page.locator(`tr[id="executor-${executorId}"]`);
  }
  cell(executorId: string, header: string): Promise<Locator> {
    return cellByHeader(this.table, this.row(executorId), header);
  }
  summaryCell(name: string, header: string): Promise<Locator> {
    return cellByHeader(this.summary, this.summaryRow(name), header);
  }
  async showMetric(label: string): Promise<void> {
    const picker = this.page.getByTestId('additional-metrics');
    if ((await picker.getAttribute('open')) === null) await picker.locator('summary').click();
    // The checkbox mirrors the URL, which updates a tick after the click; so click and wait, not check().
    const box = picker.getByLabel(label, { exact: true });
    await box.click();
    await expect(box).toBeChecked();
  }
}

export class StoragePage {
  readonly table: Locator;
  readonly empty: Locator;
  constructor(readonly page: Page) {
    this.table = page.getByTestId('rdd-table');
    this.empty = page.getByTestId('storage-page').getByTestId('empty-state');
  }
  async goto(appId: string, attempt = '-'): Promise<void> {
    await this.page.goto(`${appBase(appId, attempt)}/storage`);
    await expect(this.page.getByTestId('storage-page')).toBeVisible();
  }
}

export class RddPage {
  readonly title: Locator;
  readonly summary: Locator;
  readonly distribution: Locator;
  readonly partitions: Locator;
  constructor(readonly page: Page) {
    this.title = page.getByTestId('rdd-title');
    this.summary = page.getByTestId('rdd-summary');
    this.distribution = page.getByTestId('rdd-distribution');
    this.partitions = page.getByTestId('rdd-partitions');
  }
  async goto(appId: string, rddId: number, query = '', attempt = '-'): Promise<void> {
    await this.page.goto(`${appBase(appId, attempt)}/storage/rdd/${rddId}${query}`);
  }
}

export class EnvironmentPage {
  constructor(readonly page: Page) {}
  async goto(appId: string, query = '', attempt = '-'): Promise<void> {
    await this.page.goto(`${appBase(appId, attempt)}/environment${query}`);
    await expect(this.section('runtime')).toBeVisible();
  }
  /** Section by its URL prefix: runtime, spark, resourceProfiles, hadoop, system, metrics, classpath. */
  section(prefix: string): Locator {
    return this.page.locator(`section#${prefix}`);
  }
  table(prefix: string): Locator {
    return this.page.getByTestId(`env-${prefix}`);
  }
  toggle(prefix: string): Locator {
    return this.section(prefix).locator('button[aria-expanded]').first();
  }
}

export class SqlListPage {
  readonly summary: Locator;
  constructor(readonly page: Page) {
    this.summary = page.getByTestId('sql-summary');
  }
  async goto(appId: string, query = '', attempt = '-'): Promise<void> {
    await this.page.goto(`${appBase(appId, attempt)}/sql${query}`);
    await expect(this.page.getByTestId('sql-list-page')).toBeVisible();
  }
  /** `running`, `completed` or `failed`. */
  table(group: string): Locator {
    return this.page.getByTestId(`${group}-sql-table`);
  }
  row(executionId: number): Locator {
    return this.page.locator(`tr[id="sql-${executionId}"]`);
  }
}

export class SqlExecutionPage {
  readonly summary: Locator;
  readonly graph: Locator;
  readonly plan: Locator;
  constructor(readonly page: Page) {
    this.summary = page.getByTestId('sql-execution-summary');
    this.graph = page.getByTestId('sql-plan-graph');
    this.plan = page.getByTestId('physical-plan');
  }
  async goto(appId: string, executionId: number, attempt = '-'): Promise<void> {
    await this.page.goto(`${appBase(appId, attempt)}/sql/${executionId}`);
  }
  /** A plan node by its SparkPlanGraph id. */
  node(nodeId: number): Locator {
    return this.graph.locator(`[data-node-id="${nodeId}"]`);
  }
}

/** `test` with the Executors/Storage/Environment/SQL page objects added. */
export const pagesTest = test.extend<{
  executorsPage: ExecutorsPage;
  storagePage: StoragePage;
  rddPage: RddPage;
  environmentPage: EnvironmentPage;
  sqlListPage: SqlListPage;
  sqlExecutionPage: SqlExecutionPage;
}>({
  executorsPage: async ({ page }, use) => use(new ExecutorsPage(page)),
  storagePage: async ({ page }, use) => use(new StoragePage(page)),
  rddPage: async ({ page }, use) => use(new RddPage(page)),
  environmentPage: async ({ page }, use) => use(new EnvironmentPage(page)),
  sqlListPage: async ({ page }, use) => use(new SqlListPage(page)),
  sqlExecutionPage: async ({ page }, use) => use(new SqlExecutionPage(page)),
});

/* Logs tab and log viewer. */

export class LogsTab {
  readonly table: Locator;
  readonly empty: Locator;
  constructor(readonly page: Page) {
    this.table = page.getByTestId('log-files-table');
    this.empty = page.getByTestId('logs-page').getByTestId('empty-state');
  }
  async goto(appId: string, attempt = '-'): Promise<void> {
    await this.page.goto(`${appBase(appId, attempt)}/logs`);
    await expect(this.page.getByTestId('logs-page')).toBeVisible();
  }
  /** A file's row, e.g. `row('driver', 'driver.log')`, `row('3', 'stderr')`. */
  row(executorId: string, logType: string): Locator {
    return this.table.locator(`tr[data-log="${executorId}/${logType}"]`);
  }
}

export class LogViewer {
  readonly root: Locator;
  readonly title: Locator;
  readonly text: Locator;
  readonly lines: Locator;
  readonly range: Locator;
  readonly loadOlder: Locator;
  readonly loadNewer: Locator;
  readonly search: Locator;
  readonly matchCount: Locator;
  readonly wrap: Locator;
  readonly download: Locator;
  readonly endState: Locator;
  readonly nextMatch: Locator;
  readonly nextProblem: Locator;
  readonly problemCount: Locator;
  /** The line a deep link or a jump marked. */
  readonly target: Locator;
  /** The match the viewer jumped to. */
  readonly currentMatch: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('log-viewer');
    this.title = page.getByTestId('log-title');
    this.text = page.getByTestId('log-text');
    this.lines = this.text.locator('[data-log-line]');
    this.range = page.getByTestId('log-range');
    this.loadOlder = page.getByTestId('log-load-older');
    this.loadNewer = page.getByTestId('log-load-newer');
    this.search = page.getByTestId('log-search');
    this.matchCount = page.getByTestId('log-match-count');
    this.wrap = page.getByTestId('log-wrap');
    this.download = page.getByTestId('log-download');
    this.endState = page.getByTestId('log-end-state');
    this.nextMatch = page.getByTestId('log-next-match');
    this.nextProblem = page.getByTestId('log-next-problem');
    this.problemCount = page.getByTestId('log-problem-count');
    this.target = this.lines.and(page.locator('[data-target="true"]'));
    this.currentMatch = this.text.locator('mark[data-current="true"]');
  }
  /** `logType` as in URLs: stdout, stderr or driver-log. */
  async goto(appId: string, executorId: string, logType: string, query = '', attempt = '-'): Promise<void> {
    await this.page.goto(`${appBase(appId, attempt)}/logs/${executorId}/${logType}${query}`);
    await expect(this.root).toBeVisible();
  }
}

export const logsTest = test.extend<{ logsTab: LogsTab; logViewer: LogViewer }>({
  logsTab: async ({ page }, use) => use(new LogsTab(page)),
  logViewer: async ({ page }, use) => use(new LogViewer(page)),
});
