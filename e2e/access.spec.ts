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

  test("sees bob's token on the tokens admin page and revokes it; the token then answers 401", async ({ page, baseURL }) => {
    // bob makes a token of his own (a unique name: a retried test must find its own row).
    const name = `bob e2e ${Date.now().toString(36)}`;
    const bobBasic = `Basic ${Buffer.from(`bob:${demoPassword('bob')}`).toString('base64')}`;
    const created = await fetch(`${baseURL}/api/console/tokens`, {
      method: 'POST',
      headers: { Authorization: bobBasic, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, expiresInDays: 3 }),
    });
    expect(created.status).toBe(200);
    const { token, info } = (await created.json()) as { token: string; info: { id: string } };
    const asBob = () => fetch(`${baseURL}/api/console/projects`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await asBob()).status).toBe(200);

    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'All tokens' }).click();
    await expect(page.getByTestId('tokens-admin-page')).toBeVisible();
    await page.getByLabel('User', { exact: true }).selectOption('bob');
    await expect(page).toHaveURL(/\/admin\/tokens\?user=bob$/);
    const rows = page.getByTestId('admin-tokens-table').locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    expect(new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-token-user'))))).toEqual(new Set(['bob']));
    const row = page.locator(`tr[data-token-id="${info.id}"]`);
    await expect(row).toContainText(name);
    await expect(row.getByTestId('token-state')).toHaveText('active');
    // Secrets never reach the page.
    expect(await page.content()).not.toContain(token);

    await row.getByRole('button', { name: `Revoke token ${name} of bob` }).click();
    await expect(row.getByTestId('token-state')).toContainText('revoked');
    expect((await asBob()).status).toBe(401);

    await page.goto('/admin/audit?action=tokenRevoked&user=alice');
    await expect(page.getByTestId('audit-table').locator('tbody tr').first()).toContainText(info.id);
  });

  test("sets a user's password: that user's session ends, the new password signs in, the old one no longer does", async ({ page, browser, baseURL }) => {
    const user = `erin${Date.now().toString(36)}`;
    const aliceBasic = `Basic ${Buffer.from(`alice:${demoPassword('alice')}`).toString('base64')}`;
    const created = await fetch(`${baseURL}/api/console/admin/users`, {
      method: 'POST',
      headers: { Authorization: aliceBasic, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: user, displayName: 'Erin Example', password: 'erin-first-pass' }),
    });
    expect(created.status).toBe(200);
    const before = await contextSignedInAs(browser, baseURL!, user, 'erin-first-pass');

    await page.goto('/admin/users');
    await page.getByTestId('users-table').locator(`tr[data-user="${user}"]`).getByRole('button', { name: `Set the password of ${user}` }).click();
    const form = page.getByTestId('set-password');
    await expect(form.getByLabel('User')).toHaveValue(user);
    await form.getByLabel('New password').fill('erin-second-pass');
    await form.getByRole('button', { name: 'Set password' }).click();
    await expect(page.getByTestId('set-password-done')).toHaveText(`Set the password of ${user}.`);

    // Her open session ended: the next page load asks her to sign in.
    await before.page.goto('/apps');
    await expect(before.page).toHaveURL(/\/sign-in/);
    await before.context.close();

    const after = await contextSignedInAs(browser, baseURL!, user, 'erin-second-pass');
    await expect(after.page.getByTestId('account-name')).toHaveText('Erin Example');
    await after.context.close();
    const old = await fetch(`${baseURL}/api/console/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user, password: 'erin-first-pass' }),
    });
    expect(old.status).toBe(401);

    await page.goto(`/admin/audit?action=passwordReset&user=alice`);
    await expect(page.getByTestId('audit-table').locator('tbody tr').first()).toContainText(user);
  });

  test('a console administrator in no project sees every project and manages its members', async ({ browser, baseURL }) => {
    // alice is in every demo project, so a fresh administrator shows what the flag alone gives.
    const name = `root${Date.now().toString(36)}`;
    const aliceBasic = `Basic ${Buffer.from(`alice:${demoPassword('alice')}`).toString('base64')}`;
    const created = await fetch(`${baseURL}/api/console/admin/users`, {
      method: 'POST',
      headers: { Authorization: aliceBasic, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, password: 'root-e2e-pass', admin: true }),
    });
    expect(created.status).toBe(200);
    const admin = await contextSignedInAs(browser, baseURL!, name, 'root-e2e-pass');
    const every = [...new Set(summary.apps.map((a) => a.project))].sort();
    const cards = admin.page.getByTestId('project-card');
    await expect(cards).toHaveCount(every.length);
    expect((await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-project')))).sort()).toEqual(every);
    for (const project of every) await expect(admin.page.locator(`[data-project="${project}"]`).getByTestId('my-role')).toHaveText('console admin');

    const project = every[0]!;
    await admin.page.goto(`/projects/${project}`);
    const form = admin.page.getByTestId('add-member');
    await form.getByLabel('User').selectOption(name);
    await form.getByLabel('Role').selectOption('owner');
    await form.getByRole('button', { name: 'Add member' }).click();
    await expect(admin.page.getByTestId('members-table').locator(`tr[data-member="${name}"]`)).toBeVisible();
    await admin.page.getByRole('button', { name: `Remove ${name} from ${project}` }).click();
    await expect(admin.page.getByTestId('members-table').locator(`tr[data-member="${name}"]`)).toHaveCount(0);
    await admin.context.close();
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
