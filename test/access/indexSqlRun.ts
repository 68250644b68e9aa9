import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { APP_LIST_STATUSES } from '../../src/api/console/appListItem.js';
import { APP_LIST_SORTS } from '../../src/api/console/appListQuery.js';
import { CSRF_HEADER } from '../../src/api/access.js';
import { demoPassword, generateWorkspace, writeDemoConsoleConfig } from '../../src/demo/index.js';
import { REPO_ROOT, basic, startServerProcess } from '../support/serverProcess.js';

/*
 * A realistic run of the real server (and the `users`/`tokens` commands) on the demo workspace with sign-in
 * on, recording every SQL text prepared or executed on the index database (test/support/indexSqlRecorder.mjs).
 * It goes through what touches that database: sign-in (and a failure), sessions, Basic and Bearer callers,
 * tokens created, used and revoked, members set and removed, users created, log and event-log downloads,
 * the listing with every sort key and filter, project summaries and usage, and the audit log with every filter.
 */

const run = promisify(execFile);
const RECORDER = path.join(REPO_ROOT, 'test', 'support', 'indexSqlRecorder.mjs');
const CLI = path.join(REPO_ROOT, 'bin', 'spark-console.js');

export interface RecordedSql {
  /** `pragma`: the text after PRAGMA, as given to better-sqlite3's db.pragma(). */
  kind: 'prepare' | 'exec' | 'pragma';
  sql: string;
}

export interface IndexSqlRun {
  /** Every recorded text, in order, repeats included. */
  recorded: RecordedSql[];
  /** The run's index database (the server and the commands have exited), to read its rows back. */
  indexFile: string;
  /** Removes the workspace and data folder. */
  cleanup(): void;
}

export async function recordIndexSqlRun(): Promise<IndexSqlRun> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-pgrun-'));
  const cleanup = () => fs.rmSync(root, { recursive: true, force: true });
  try {
    const ws = await generateWorkspace({ dir: path.join(root, 'workspace'), seed: 42 });
    const { file: configFile } = writeDemoConsoleConfig(ws.dir, path.join(root, 'console.json'));
    const dataDir = path.join(root, 'data');
    const sqlLog = path.join(root, 'index-sql.jsonl');
    const env = {
      SPARK_CONSOLE_RECORD_INDEX_SQL: sqlLog,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(RECORDER).href}`.trim(),
    };
    const server = await startServerProcess(['--config', configFile], { dataDir, auth: 'password', as: `alice:${demoPassword('alice')}`, env });
    try {
      await driveServer(server.url, ws);
    } finally {
      await server.stop();
    }
    await runAccountCommands(dataDir, configFile, env);
    const recorded = fs
      .readFileSync(sqlLog, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as RecordedSql);
    return { recorded, indexFile: path.join(dataDir, 'index.db'), cleanup };
  } catch (err) {
    cleanup();
    throw err;
  }
}

type Workspace = Awaited<ReturnType<typeof generateWorkspace>>;

interface Caller {
  headers: Record<string, string>;
  csrf?: string;
}

/** One request that must answer `status`; returns the body as text. */
async function call(url: string, who: Caller, method: string, route: string, status: number, body?: unknown): Promise<string> {
  const headers: Record<string, string> = { ...who.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && who.csrf) headers[CSRF_HEADER] = who.csrf;
  const res = await fetch(`${url}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== status) throw new Error(`${method} ${route}: expected ${status}, got ${res.status}: ${text.slice(0, 300)}`);
  return text;
}

async function signIn(url: string, user: string, password = demoPassword(user)): Promise<Caller> {
  const res = await fetch(`${url}/api/console/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${user}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('spark_console_session='))!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { headers: { Cookie: cookie.split(';')[0]! }, csrf: csrfToken };
}

async function driveServer(url: string, ws: Workspace): Promise<void> {
  const anonymous: Caller = { headers: {} };
  const project = ws.projects[0]!.name;
  const app = ws.apps.find((a) => a.project === project && a.completed && a.driverLogPath !== null)!;

  await call(url, anonymous, 'POST', '/api/console/session', 401, { user: 'alice', password: 'not-her-password' });
  await call(url, anonymous, 'GET', '/api/console/sign-in-options', 200);
  const alice = await signIn(url, 'alice');
  const bob = await signIn(url, 'bob');
  const viaBasic: Caller = { headers: { Authorization: basic(`carol:${demoPassword('carol')}`) } };

  for (const route of ['/session', '/projects', '/facets', '/status', '/users', '/admin/users', '/tokens']) {
    await call(url, alice, 'GET', `/api/console${route}`, 200);
  }
  for (const p of ws.projects) {
    await call(url, alice, 'GET', `/api/console/projects/${p.name}`, 200);
    await call(url, alice, 'GET', `/api/console/projects/${p.name}/jobs`, 200);
  }
  await call(url, bob, 'GET', '/api/console/projects', 200);
  await call(url, viaBasic, 'GET', '/api/console/projects', 200);

  // The listing: every sort key, every filter alone and together, and Spark's own list.
  for (const sort of APP_LIST_SORTS) await call(url, alice, 'GET', `/api/console/apps?sort=${encodeURIComponent(sort)}&limit=5`, 200);
  const filters = [
    ...APP_LIST_STATUSES.map((s) => `status=${s}`),
    `user=${encodeURIComponent(app.user)}`,
    `version=${encodeURIComponent(app.sparkVersion)}`,
    `project=${encodeURIComponent(project)}`,
    `search=${encodeURIComponent(app.name.slice(0, 4))}`,
    `startFrom=${app.startTime}`,
    `startTo=${app.startTime}`,
  ];
  for (const f of filters) await call(url, alice, 'GET', `/api/console/apps?${f}`, 200);
  await call(url, alice, 'GET', `/api/console/apps?${filters.slice(4).join('&')}&offset=1&limit=2`, 200);
  await call(url, viaBasic, 'GET', '/api/v1/applications?status=completed&limit=3', 200);
  await call(url, bob, 'GET', `/api/v1/applications/${app.appId}/jobs`, 200);

  // Tokens: created, used as a Bearer, listed, revoked, refused afterwards.
  const created = JSON.parse(await call(url, bob, 'POST', '/api/console/tokens', 200, { name: 'nightly export', expiresInDays: 30 })) as {
    token: string;
    info: { id: string };
  };
  const bearer: Caller = { headers: { Authorization: `Bearer ${created.token}` } };
  await call(url, bearer, 'GET', '/api/v1/applications?limit=1', 200);
  await call(url, bob, 'GET', '/api/console/tokens', 200);
  await call(url, bob, 'DELETE', `/api/console/tokens/${created.info.id}`, 200);
  await call(url, bearer, 'GET', '/api/v1/applications?limit=1', 401);

  // Members and users.
  await call(url, alice, 'PUT', `/api/console/projects/${project}/members/dave`, 200, { role: 'viewer' });
  await call(url, alice, 'DELETE', `/api/console/projects/${project}/members/dave`, 200);
  await call(url, alice, 'POST', '/api/console/admin/users', 200, { name: 'erin', displayName: 'Erin', email: 'erin@example.com', password: 'erin-pass-1234' });
  const erin = await signIn(url, 'erin', 'erin-pass-1234');
  await call(url, erin, 'GET', '/api/console/projects', 200);
  // The administrator's pages: every user's tokens, the admin flag (granted, revoked, and refused for oneself)
  // and a new password, which ends the user's sessions.
  await call(url, erin, 'POST', '/api/console/tokens', 200, { name: 'erin export', expiresInDays: 7 });
  await call(url, alice, 'GET', '/api/console/admin/tokens', 200);
  await call(url, alice, 'GET', '/api/console/admin/tokens?user=erin&offset=0&limit=5', 200);
  await call(url, alice, 'PUT', '/api/console/admin/users/erin/admin', 200, { admin: true });
  await call(url, alice, 'PUT', '/api/console/admin/users/erin/admin', 200, { admin: false });
  await call(url, alice, 'PUT', '/api/console/admin/users/alice/admin', 409, { admin: false });
  await call(url, alice, 'PUT', '/api/console/admin/users/erin/password', 200, { password: 'erin-new-pass-5678' });
  await call(url, erin, 'GET', '/api/console/projects', 401);

  // Downloads (audited).
  await call(url, alice, 'GET', `/api/console/apps/${app.appId}/logs/driver/driver.log/download`, 200);
  await call(url, alice, 'GET', `/api/console/apps/${app.appId}/all-logs.zip`, 200);
  await call(url, alice, 'GET', `/api/v1/applications/${app.appId}/logs`, 200);

  // The audit log: no filter, each filter alone, all together, paged.
  const now = Date.now();
  const auditFilters = ['user=alice', `project=${project}`, 'action=signIn', `from=${now - 3_600_000}`, `to=${now + 60_000}`];
  await call(url, alice, 'GET', '/api/console/admin/audit', 200);
  for (const f of auditFilters) await call(url, alice, 'GET', `/api/console/admin/audit?${f}`, 200);
  await call(url, alice, 'GET', `/api/console/admin/audit?${auditFilters.join('&')}&offset=1&limit=5`, 200);

  await call(url, bob, 'DELETE', '/api/console/session', 200);
  await call(url, bob, 'GET', '/api/console/session', 401);
}

/** The command-line account tools, on the same data dir (the server has stopped). */
async function runAccountCommands(dataDir: string, configFile: string, env: Record<string, string>): Promise<void> {
  const common = ['--data-dir', dataDir, '--config', configFile];
  const spark = (args: string[], extra: Record<string, string> = {}) => run(process.execPath, [CLI, ...args, ...common], { env: { ...process.env, ...env, ...extra } });
  await spark(['users', 'add', 'frank', '--display-name', 'Frank'], { SPARK_CONSOLE_PASSWORD: 'frank-pass-1234' });
  await spark(['users', 'passwd', 'frank'], { SPARK_CONSOLE_PASSWORD: 'frank-pass-5678' });
  await spark(['users', 'list']);
  await spark(['tokens', 'create', '--user', 'frank', '--name', 'deploy', '--days', '7']);
}
