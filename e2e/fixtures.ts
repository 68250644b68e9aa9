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

export const test = base.extend<{ appsPage: AppsPage; appShell: AppShell }>({
  appsPage: async ({ page }, use) => use(new AppsPage(page)),
  appShell: async ({ page }, use) => use(new AppShell(page)),
});

export { expect };
