import fs from 'node:fs';
import path from 'node:path';

/*
 * The console configuration of a demo workspace (`--config FILE`, see src/server/consoleConfigFile.ts),
 * made from its workspace.json: every generated project with its event-log and app-log folders and its
 * members, and the demo users with readable passwords (`alice-demo-pass`). Those passwords are for a local
 * demo only: `npm start` prints them, and the browser tests sign in with them.
 */

interface WorkspaceJson {
  projects: { name: string; description: string; owner: string; region: string; eventLogDir: string; appLogDir: string }[];
  users: { name: string; displayName: string; email: string; roles: { project: string; role: 'admin' | 'developer' | 'viewer' }[] }[];
}

export interface DemoAccount {
  name: string;
  displayName: string;
  password: string;
  admin: boolean;
  roles: { project: string; role: string }[];
}

export interface DemoConsoleConfig {
  /** The `--config` JSON (folders absolute, so the file can live anywhere). */
  config: {
    projects: {
      name: string;
      description: string;
      owner: string;
      region: string;
      quotaGroup: string;
      eventLogs: string[];
      appLogs: string[];
      members: { user: string; role: string }[];
    }[];
    users: { name: string; displayName: string; email: string; password: string; admin: boolean }[];
  };
  accounts: DemoAccount[];
}

/** The demo's password for a user: readable and deterministic, since it is printed at start-up anyway. */
export const demoPassword = (user: string): string => `${user}-demo-pass`;

/** Console administrators of the demo: alice (admin of every project too). */
const DEMO_CONSOLE_ADMINS = new Set(['alice']);

export function demoConsoleConfig(workspaceDir: string): DemoConsoleConfig {
  const ws = JSON.parse(fs.readFileSync(path.join(workspaceDir, 'workspace.json'), 'utf8')) as WorkspaceJson;
  const accounts: DemoAccount[] = ws.users.map((u) => ({
    name: u.name,
    displayName: u.displayName,
    password: demoPassword(u.name),
    admin: DEMO_CONSOLE_ADMINS.has(u.name),
    roles: u.roles,
  }));
  return {
    config: {
      projects: ws.projects.map((p) => ({
        name: p.name,
        description: p.description,
        owner: p.owner,
        region: p.region,
        // MaxCompute's Spark jobs run in a quota group; the demo gives each project its own.
        quotaGroup: `os_${p.name}`,
        eventLogs: [path.resolve(workspaceDir, p.eventLogDir)],
        appLogs: [path.resolve(workspaceDir, p.appLogDir)],
        members: ws.users.flatMap((u) => u.roles.filter((r) => r.project === p.name).map((r) => ({ user: u.name, role: r.role }))),
      })),
      users: accounts.map((a) => ({
        name: a.name,
        displayName: a.displayName,
        email: ws.users.find((u) => u.name === a.name)!.email,
        password: a.password,
        admin: a.admin,
      })),
    },
    accounts,
  };
}

/** Writes the config next to the workspace (or to `file`) and returns its path and the accounts. */
export function writeDemoConsoleConfig(workspaceDir: string, file = path.join(workspaceDir, 'console-config.json')): { file: string; accounts: DemoAccount[] } {
  const { config, accounts } = demoConsoleConfig(workspaceDir);
  fs.writeFileSync(file, JSON.stringify(config, null, 2) + '\n');
  return { file, accounts };
}

/** The accounts as the start command prints them: name, password, console admin, roles per project. */
export function formatDemoAccounts(accounts: readonly DemoAccount[]): string {
  const width = Math.max(...accounts.map((a) => a.name.length));
  const pwWidth = Math.max(...accounts.map((a) => a.password.length));
  return accounts
    .map((a) => {
      const roles = a.roles.map((r) => `${r.role} of ${r.project}`).join(', ');
      return `  ${a.name.padEnd(width)}  ${a.password.padEnd(pwWidth)}  ${a.admin ? 'console admin; ' : ''}${roles || 'no projects'}`;
    })
    .join('\n');
}
