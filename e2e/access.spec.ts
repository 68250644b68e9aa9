import fs from 'node:fs';
import type { WorkspaceSummary } from '../src/demo/index.js';
import { demoPassword } from '../src/demo/index.js';
import { demoApp, demoSummary } from './demoWorkspace.js';
import { appBase, expect, LogViewer, test } from './fixtures.js';
import { contextSignedInAs, signInThroughPage } from './signIn.js';

// Projects, people and permissions in the browser, against the demo-workspace server (sign-in on, the demo's
// projects, members and users from its console config; see globalSetup). Who is in which project is read
// from the generated workspace.json, never hand-written.
test.use({ baseURL: process.env.E2E_DEMO_URL });

const summary = demoSummary();

interface WorkspaceUsers {
  users: { name: string; displayName: string; roles: { project: string; role: string }[] }[];
}
const workspaceUsers = (s: WorkspaceSummary) => (JSON.parse(fs.readFileSync(s.workspaceFile, 'utf8')) as WorkspaceUsers).users;
const rolesOf = (user: string) => workspaceUsers(summary).find((u) => u.name === user)!.roles;
const projectsOf = (user: string) => rolesOf(user).map((r) => r.project);

test.describe('sign-in', () => {
  test('a wrong password shows the server’s error and stays on the sign-in page', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.getByLabel('User name').fill('bob');
    await page.getByLabel('Password').fill('not-bobs-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('sign-in-error')).toHaveText('Wrong user name or password');
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('a deep link asks for sign-in and comes back to it afterwards', async ({ page }) => {
    const app = demoApp(summary, 'app of a project of bob', (a) => projectsOf('bob').includes(a.project) && a.completed);
    await page.goto(`${appBase(app.appId, app.attemptId ?? '-')}/jobs`);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await page.getByLabel('User name').fill('bob');
    await page.getByLabel('Password').fill(demoPassword('bob'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`${appBase(app.appId, app.attemptId ?? '-')}/jobs$`));
    await expect(page.getByTestId('app-name')).toBeVisible();
    await expect(page.getByTestId('account-name')).toHaveText(workspaceUsers(summary).find((u) => u.name === 'bob')!.displayName);
  });
});

test.describe('a viewer (carol)', () => {
  test('sees only her projects, with her role', async ({ page }) => {
    await signInThroughPage(page, 'carol', demoPassword('carol'));
    const mine = projectsOf('carol');
    expect(mine.length).toBeGreaterThan(0);
    const cards = page.getByTestId('project-card');
    await expect(cards).toHaveCount(mine.length);
    expect((await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-project')))).sort()).toEqual([...mine].sort());
    for (const r of rolesOf('carol')) await expect(page.locator(`[data-project="${r.project}"]`).getByTestId('my-role')).toHaveText(r.role);
    // The application list holds only her projects' applications.
    await page.goto('/apps?pageSize=100');
    // One row per attempt (one generated log each).
    const expected = summary.apps.filter((a) => mine.includes(a.project)).length;
    await expect(page.getByTestId('apps-table').locator('tbody tr')).toHaveCount(expected);
    // A viewer may not download event logs, so the rows offer no download.
    if (rolesOf('carol').every((r) => r.role === 'viewer')) await expect(page.getByTestId('row-event-log')).toHaveCount(0);
    // No admin pages for her.
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  });

  test("another project's job by URL is not found", async ({ page }) => {
    await signInThroughPage(page, 'carol', demoPassword('carol'));
    const other = demoApp(summary, 'app of a project carol is not in', (a) => !projectsOf('carol').includes(a.project));
    await page.goto(`${appBase(other.appId, other.attemptId ?? '-')}/jobs`);
    await expect(page.getByTestId('error-state')).toContainText(`Application ${other.appId} not found`);
    await expect(page.getByTestId('error-state')).toContainText(`unknown app: ${other.appId}`);
    await expect(page.getByTestId('app-name')).toHaveCount(0);
  });

  test('cannot read logs: no log links or downloads, and the Logs tab says why', async ({ page }) => {
    await signInThroughPage(page, 'carol', demoPassword('carol'));
    const app = demoApp(summary, 'app with logs in carol’s project', (a) => projectsOf('carol').includes(a.project) && a.completed && a.executorIds.length > 0);
    await page.goto(`${appBase(app.appId, app.attemptId ?? '-')}/executors`);
    await expect(page.getByTestId('event-log-download-disabled')).toBeDisabled();
    await expect(page.getByTestId('event-log-download')).toHaveCount(0);
    await expect(page.getByTestId('log-links')).toHaveCount(0);
    await page.goto(`${appBase(app.appId, app.attemptId ?? '-')}/logs`);
    await expect(page.getByTestId('no-log-access')).toContainText('Your role (viewer) cannot read logs');
    // A log viewer URL typed by hand gets the same message (the server answers 403).
    await page.goto(`${appBase(app.appId, app.attemptId ?? '-')}/logs/driver/driver-log`);
    await expect(page.getByTestId('no-log-access')).toContainText('Your role (viewer) cannot read logs');
    await expect(page.getByTestId('log-download')).toHaveCount(0);
  });
});

test('a developer (bob) downloads a driver log', async ({ page }) => {
  await signInThroughPage(page, 'bob', demoPassword('bob'));
  const app = demoApp(summary, 'completed app with a driver log in a project of bob', (a) => projectsOf('bob').includes(a.project) && a.completed && a.driverLogPath !== null);
  const viewer = new LogViewer(page);
  await viewer.goto(app.appId, 'driver', 'driver-log', '', app.attemptId ?? '-');
  await expect(viewer.title).toHaveText('Driver driver.log');
  const [download] = await Promise.all([page.waitForEvent('download'), viewer.download.click()]);
  expect(fs.readFileSync((await download.path())!).equals(fs.readFileSync(app.driverLogPath!))).toBe(true);
});

test.describe('an administrator (alice)', () => {
  test.use({ storageState: process.env.E2E_DEMO_ALICE_STATE });

  test('adds a member to a project, who then sees it; the audit log shows the change', async ({ page, browser, baseURL }) => {
    // dave is in some projects; pick one he is not in.
    const project = summary.projects.map((p) => p.name).find((p) => !projectsOf('dave').includes(p))!;
    await page.goto(`/projects/${project}`);
    await expect(page.getByTestId('project-page')).toBeVisible();
    await expect(page.getByTestId('members-table').locator('tr[data-member="dave"]')).toHaveCount(0);
    const form = page.getByTestId('add-member');
    await form.getByLabel('User').selectOption('dave');
    await form.getByLabel('Role').selectOption('viewer');
    await form.getByRole('button', { name: 'Add member' }).click();
    await expect(page.getByTestId('members-table').locator('tr[data-member="dave"]')).toBeVisible();
    await expect(page.getByRole('combobox', { name: /^Role of Dave/ })).toHaveValue('viewer');

    // dave, in his own browser context, now sees the project.
    const dave = await contextSignedInAs(browser, baseURL!, 'dave', demoPassword('dave'));
    await expect(dave.page.locator(`[data-testid="project-card"][data-project="${project}"]`)).toBeVisible();
    await expect(dave.page.locator(`[data-project="${project}"]`).getByTestId('my-role')).toHaveText('viewer');
    await dave.context.close();

    // The audit log, filtered to the project and the action, shows who did it.
    await page.goto(`/admin/audit?project=${project}&action=memberSet`);
    const row = page.getByTestId('audit-table').locator('tbody tr').first();
    await expect(row).toContainText('alice');
    await expect(row).toContainText('member set');
    await expect(row).toContainText('dave');
    await expect(row).toContainText('role viewer');
  });

  test('creates an API token (shown once) that works as Bearer, then revokes it', async ({ page, baseURL }) => {
    await page.goto('/');
    await page.getByTestId('account-menu').locator('summary').click();
    await page.getByRole('link', { name: 'API tokens' }).click();
    await expect(page).toHaveURL(/\/tokens$/);
    await page.getByLabel('Name').fill('e2e script');
    await page.getByLabel('Valid for (days)').fill('7');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByTestId('new-token-value').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    const projects = () => fetch(`${baseURL}/api/console/projects`, { headers: { Authorization: `Bearer ${secret}` } });
    expect((await projects()).status).toBe(200);

    const row = page.getByTestId('tokens-table').locator('tr[data-token-name="e2e script"]');
    await expect(row).toContainText('active');
    await row.getByRole('button', { name: 'Revoke token e2e script' }).click();
    await expect(row).toContainText('revoked');
    expect((await projects()).status).toBe(401);
  });

  test('sees the users page with everyone’s projects and roles', async ({ page }) => {
    await page.goto('/admin/users');
    for (const u of workspaceUsers(summary)) {
      const row = page.getByTestId('users-table').locator(`tr[data-user="${u.name}"]`);
      await expect(row).toBeVisible();
      for (const r of u.roles) await expect(row).toContainText(r.project);
    }
  });
});
