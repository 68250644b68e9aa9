import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAllows } from '../../src/api/access.js';
import { fillPath, pathParamNames, type RouteSpec } from '../../src/api/routeDefinition.js';
import { routeTable } from '../../src/api/routes.js';
import type { ServerHandle } from '../support/serverProcess.js';
import { type MatrixAnswer, type MatrixProbe, USERS, type UserName, basicAuth, matrixCredentials, roleIn, signIn, startAccessServer } from './accessFixture.js';

/*
 * Every state-changing route of the table × every role × own and other project × anonymous, session, token and
 * Basic (the GET routes are walked in accessMatrix.test.ts). Each request is one an allowed caller gets past
 * the access rule with, without changing anything: a body that is not an object (400) or a target that does
 * not exist (404). So the expected answer follows from the rule alone: allowed → what a console administrator
 * gets; a project the caller is not in → exactly what an unknown project gets (its existence does not leak,
 * not even through a 400 about the body); in the project without the role → 403; no credentials → 401.
 */

type Probe = MatrixProbe;

/** Targets that do not exist, so that an allowed request changes nothing. */
const NOTHING = { user: 'nobody-here', tokenId: 'no-such-token' };

function probes(): Probe[] {
  const out: Probe[] = [];
  for (const route of routeTable.filter((r) => r.method !== 'GET')) {
    const fill = (values: Record<string, string>) => fillPath(route.path, { ...NOTHING, ...values } as never);
    if (pathParamNames(route.path).includes('project')) {
      for (const project of ['alpha', 'beta'] as const) out.push({ route, project, url: fill({ project }), unknownUrl: fill({ project: 'no-such-project' }) });
    } else {
      out.push({ route, project: undefined, url: fill({}), unknownUrl: undefined });
    }
  }
  return out;
}

type Answer = MatrixAnswer;

async function ask(url: string, route: RouteSpec, headers: Record<string, string>): Promise<Answer> {
  const res = await fetch(url, {
    method: route.method,
    // A JSON array where every body is an object: refused by the body check, after the access rule.
    ...(route.body ? { headers: { ...headers, 'Content-Type': 'application/json' }, body: '[]' } : { headers }),
    redirect: 'manual',
  });
  return { status: res.status, body: await res.text() };
}

const keyOf = (route: RouteSpec, url: string) => `${route.method} ${url}`;

describe('access matrix of the state-changing routes', () => {
  let server: ServerHandle;
  const all = probes();
  const baseline = new Map<string, Answer>();
  const credentials = new Map<string, Record<string, string>>();

  /** A browser-like session with its CSRF token; signing out ends it, so that route gets a fresh one. */
  async function sessionHeaders(user: UserName): Promise<Record<string, string>> {
    const s = await signIn(server.url, user);
    return { Cookie: s.cookie, 'x-csrf-token': s.csrf };
  }

  beforeAll(async () => {
    ({ server } = await startAccessServer());
    for (const p of all) {
      for (const url of [p.url, p.unknownUrl]) if (url !== undefined) baseline.set(keyOf(p.route, url), await ask(server.url + url, p.route, basicAuth('root')));
    }
    for (const [key, headers] of await matrixCredentials(server.url)) credentials.set(key, headers);
  });

  afterAll(async () => server?.stop());

  it('walks every state-changing route of the table, and none of them changes anything for its administrator', () => {
    const methods = new Set(all.map((p) => p.route.method));
    expect([...methods].sort()).toEqual(['DELETE', 'POST', 'PUT']);
    for (const p of all) {
      const { status } = baseline.get(keyOf(p.route, p.url))!;
      expect(status === 400 || status === 404 || (p.route.method === 'DELETE' && p.route.access === 'signedIn' && status < 300), `${p.route.method} ${p.url}: ${status}`).toBe(true);
      expect([200, 204, ...p.route.errors.map((e): number => e.status)], `${p.route.method} ${p.url}`).toContain(status);
    }
  });

  it('anonymous callers get 401 everywhere but on public routes', async () => {
    for (const p of all) {
      const answer = await ask(server.url + p.url, p.route, {});
      expect(answer.status, `${p.route.method} ${p.url}`).toBe(p.route.access === 'public' ? baseline.get(keyOf(p.route, p.url))!.status : 401);
    }
  });

  for (const user of Object.keys(USERS) as UserName[]) {
    for (const via of ['session', 'token', 'basic'] as const) {
      it(`${user} via ${via}`, async () => {
        const admin = 'admin' in USERS[user];
        for (const p of all) {
          const signsOut = p.route.method === 'DELETE' && p.url === '/api/console/session';
          const headers = via === 'session' && signsOut ? await sessionHeaders(user) : credentials.get(`${user}/${via}`)!;
          const answer = await ask(server.url + p.url, p.route, headers);
          const where = `${p.route.operationId} ${p.route.method} ${p.url} as ${user} via ${via}`;
          const rule = p.route.access;
          const allowed = baseline.get(keyOf(p.route, p.url))!;
          if (rule === 'public' || rule === 'signedIn') {
            expect(answer.status, where).toBe(allowed.status);
          } else if (rule === 'consoleAdmin') {
            expect(answer.status, where).toBe(admin ? allowed.status : 403);
          } else {
            const role = roleIn(user, p.project!);
            if (admin || (role && roleAllows(role, rule))) expect(answer, where).toEqual(allowed);
            else if (role) expect(answer, where).toEqual({ status: 403, body: `user "${user}" is not authorized` });
            else {
              const unknown = baseline.get(keyOf(p.route, p.unknownUrl!))!;
              expect(answer, where).toEqual({ status: unknown.status, body: unknown.body.replaceAll('no-such-project', p.project!) });
            }
          }
        }
      });
    }
  }
});
