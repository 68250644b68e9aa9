import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProjectRole } from '../../src/api/access.js';
import type { RouteSpec } from '../../src/api/routeDefinition.js';
import { CONFORMANCE, basic, type ServerHandle, startServerProcess } from '../support/serverProcess.js';

/*
 * A server with sign-in on and two projects over Spark's sample logs (read in place): `alpha` holds
 * spark-events, `beta` the rolling log. One user per role, a console administrator and an outsider.
 */

export const USERS = {
  root: { admin: true },
  aowner: {},
  aadmin: { alpha: 'admin' },
  adev: { alpha: 'developer' },
  aviewer: { alpha: 'viewer' },
  bdev: { beta: 'developer' },
  nobody: {},
  ghost: {},
} as const;
export type UserName = keyof typeof USERS;
export const password = (user: string) => `pw-${user}-1234`;

export const ALPHA_APP = 'local-1422981780767';
/** An alpha application with attempt ids (1 and 2). */
export const ALPHA_ATTEMPT_APP = { appId: 'local-1426533911241', attemptId: '1' };
export const BETA_APP = 'spark-bcec39f6201b42b9925124595baad260';

export function writeConfig(dir: string): string {
  const file = path.join(dir, 'console.json');
  const members = (project: 'alpha' | 'beta') =>
    Object.entries(USERS).flatMap(([user, roles]) => (project in roles ? [{ user, role: (roles as Record<string, string>)[project]! }] : []));
  const config = {
    projects: [
      { name: 'alpha', description: 'Sample logs', owner: 'aowner', quotaGroup: 'os_alpha', eventLogs: [path.join(CONFORMANCE, 'spark-events')], members: members('alpha') },
      { name: 'beta', description: 'Rolling log', owner: 'root', eventLogs: [path.join(CONFORMANCE, 'rolling')], members: members('beta') },
    ],
    users: Object.entries(USERS).map(([name, u]) => ({ name, displayName: name.toUpperCase(), password: password(name), admin: 'admin' in u })),
  };
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

export async function startAccessServer(extraArgs: string[] = []): Promise<{ server: ServerHandle; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-access-'));
  const server = await startServerProcess(['--config', writeConfig(dir), ...extraArgs], { auth: 'password', as: `root:${password('root')}` });
  return { server, dir };
}

/** A signed-in browser-like session: its cookie and CSRF token. */
export interface Session {
  cookie: string;
  csrf: string;
}

export async function signIn(url: string, user: string, pw = password(user)): Promise<Session> {
  const res = await fetch(`${url}/api/console/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user, password: pw }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${user}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('spark_console_session='))!;
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: cookie.split(';')[0]!, csrf: body.csrfToken };
}

export const basicAuth = (user: string) => ({ Authorization: basic(`${user}:${password(user)}`) });

export type MatrixProject = 'alpha' | 'beta';

/** One request of an access matrix: a route about a project (or none), and the same about an unknown one. */
export interface MatrixProbe {
  route: RouteSpec;
  project: MatrixProject | undefined;
  url: string;
  /** The same request about an application or project that does not exist (what an invisible one must look like). */
  unknownUrl: string | undefined;
}

/** An answer as the matrices compare them. */
export interface MatrixAnswer {
  status: number;
  body: string;
}

/** A user's role in a project of the fixture (aowner is made owner of alpha by the config). */
export function roleIn(user: UserName, project: MatrixProject): ProjectRole | null {
  if (user === 'aowner' && project === 'alpha') return 'owner';
  return ((USERS[user] as Record<string, ProjectRole | undefined>)[project] ?? null) as ProjectRole | null;
}

/**
 * The three ways every fixture user signs in, keyed `user/session`, `user/token` and `user/basic`: a session
 * (its cookie and CSRF token), a personal API token (Bearer) made through that session, and HTTP Basic.
 */
export async function matrixCredentials(url: string): Promise<Map<string, Record<string, string>>> {
  const credentials = new Map<string, Record<string, string>>();
  for (const user of Object.keys(USERS) as UserName[]) {
    const s = await signIn(url, user);
    const session = { Cookie: s.cookie, 'x-csrf-token': s.csrf };
    credentials.set(`${user}/session`, session);
    const created = await fetch(`${url}/api/console/tokens`, {
      method: 'POST',
      headers: { ...session, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'matrix', expiresInDays: 1 }),
    });
    if (created.status !== 200) throw new Error(`token of ${user}: ${created.status} ${await created.text()}`);
    credentials.set(`${user}/token`, { Authorization: `Bearer ${((await created.json()) as { token: string }).token}` });
    credentials.set(`${user}/basic`, basicAuth(user));
  }
  return credentials;
}
