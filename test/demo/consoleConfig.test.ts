import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoPassword, formatDemoAccounts, writeDemoConsoleConfig } from '../../src/demo/consoleConfig.js';
import { demoProjects, demoUsers } from '../../src/demo/projects.js';
import { loadConsoleConfig } from '../../src/server/consoleConfigFile.js';

/** A workspace.json as the generator writes it (projects, users with roles), without generating logs. */
function fakeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-demo-config-'));
  const projects = demoProjects(3);
  const ws = {
    projects: projects.map((p) => ({ name: p.name, description: p.description, owner: p.owner, region: p.region, eventLogDir: `event-logs/${p.name}`, appLogDir: `app-logs/${p.name}` })),
    users: demoUsers(projects).map((u) => ({ name: u.name, displayName: u.displayName, email: u.email, account: u.account, roles: u.roles })),
  };
  fs.writeFileSync(path.join(dir, 'workspace.json'), JSON.stringify(ws));
  return dir;
}

describe('demo console config', () => {
  it('is a valid --config file with every project, its folders and members, and the demo users', () => {
    const dir = fakeWorkspace();
    const { file, accounts } = writeDemoConsoleConfig(dir);
    const config = loadConsoleConfig(file);
    expect(config.projects.map((p) => p.name)).toEqual(['sales_dw', 'risk_ml', 'ops_realtime']);
    const sales = config.projects[0]!;
    expect(sales.eventLogs).toEqual([path.join(dir, 'event-logs', 'sales_dw')]);
    expect(sales.appLogs).toEqual([path.join(dir, 'app-logs', 'sales_dw')]);
    expect(sales.quotaGroup).toBe('os_sales_dw');
    expect(sales.members).toEqual([
      { user: 'alice', role: 'admin' },
      { user: 'bob', role: 'developer' },
    ]);
    expect(config.projects[2]!.members).toContainEqual({ user: 'carol', role: 'viewer' });
    expect(config.users.map((u) => [u.name, u.admin, u.password])).toEqual([
      ['alice', true, 'alice-demo-pass'],
      ['bob', false, 'bob-demo-pass'],
      ['carol', false, 'carol-demo-pass'],
      ['dave', false, 'dave-demo-pass'],
    ]);
    expect(accounts.map((a) => a.password)).toEqual(accounts.map((a) => demoPassword(a.name)));
  });

  it('prints each account with its password and roles', () => {
    const { accounts } = writeDemoConsoleConfig(fakeWorkspace());
    const text = formatDemoAccounts(accounts);
    expect(text).toMatch(/alice\s+alice-demo-pass\s+console admin; admin of sales_dw, admin of risk_ml, admin of ops_realtime/);
    expect(text).toMatch(/carol\s+carol-demo-pass\s+viewer of ops_realtime/);
  });
});
