import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAllows } from '../../src/api/access.js';
import { fillPath, pathParamNames, type RouteSpec } from '../../src/api/routeDefinition.js';
import { routeTable } from '../../src/api/routes.js';
import type { ServerHandle } from '../support/serverProcess.js';
import { ALPHA_APP, ALPHA_ATTEMPT_APP, BETA_APP, type MatrixAnswer, type MatrixProbe, type MatrixProject, USERS, type UserName, basicAuth, matrixCredentials, roleIn, startAccessServer } from './accessFixture.js';

/*
 * Every GET route of the table × every role × own and other project × anonymous, session, token and Basic.
 * The expected answer is derived from the rule: allowed → what a console administrator gets; a project the
 * caller is not in → exactly what an unknown application (or project) gets; visible but not allowed → 403;
 * no credentials → 401. The state-changing routes get their own cases below.
 */

type Project = MatrixProject;
type Probe = MatrixProbe;

const DEFAULTS: Record<string, string | number> = {
  jobId: 0, stageId: 0, stageAttemptId: 0, rddId: 0, executionId: 0, executorId: 'driver', logType: 'stdout', attempt: '-', user: 'ghost', tokenId: 'none',
};

function probes(): Probe[] {
  const out: Probe[] = [];
  for (const route of routeTable.filter((r) => r.method === 'GET')) {
    const names = pathParamNames(route.path);
    const fill = (values: Record<string, string | number | undefined>) => fillPath(route.path, { ...DEFAULTS, ...values } as never);
    if (names.includes('appId')) {
      const withAttempt = names.includes('attemptId');
      const alpha = withAttempt ? ALPHA_ATTEMPT_APP : { appId: ALPHA_APP };
      const beta = withAttempt ? { appId: BETA_APP, attemptId: '1' } : { appId: BETA_APP };
      const unknown = withAttempt ? { appId: 'no-such-app', attemptId: '1' } : { appId: 'no-such-app' };
      out.push({ route, project: 'alpha', url: fill(alpha), unknownUrl: fill(unknown) });
      out.push({ route, project: 'beta', url: fill(beta), unknownUrl: fill(unknown) });
    } else if (names.includes('project')) {
      for (const project of ['alpha', 'beta'] as const) out.push({ route, project, url: fill({ project }), unknownUrl: undefined });
    } else {
      out.push({ route, project: undefined, url: fill({}), unknownUrl: undefined });
    }
  }
  return out;
}

type Answer = MatrixAnswer;

async function ask(url: string, headers: Record<string, string>, route: RouteSpec): Promise<Answer> {
  const controller = new AbortController();
  const res = await fetch(url, { headers, redirect: 'manual', signal: controller.signal });
  // An event stream stays open; its status line is the answer.
  if (route.response.kind === 'eventStream' && res.status === 200) {
    controller.abort();
    return { status: 200, body: '' };
  }
  const body = route.response.kind === 'json' || res.status >= 400 ? await res.text() : (await res.arrayBuffer(), '');
  return { status: res.status, body };
}

describe('access matrix', () => {
  let server: ServerHandle;
  const baseline = new Map<string, Answer>();
  const all = probes();
  const credentials = new Map<string, Record<string, string>>();

  beforeAll(async () => {
    ({ server } = await startAccessServer());
    const rootHeaders = basicAuth('root');
    for (const p of all) {
      baseline.set(p.url, await ask(server.url + p.url, rootHeaders, p.route));
      if (p.unknownUrl && !baseline.has(p.unknownUrl)) baseline.set(p.unknownUrl, await ask(server.url + p.unknownUrl, rootHeaders, p.route));
    }
    // A GET needs no CSRF token: the session is its cookie alone, as a browser sends it.
    for (const [key, headers] of await matrixCredentials(server.url)) credentials.set(key, key.endsWith('/session') ? { Cookie: headers.Cookie! } : headers);
  });

  afterAll(async () => server?.stop());

  it('every answer is documented: a 200 matches its response schema, any other status is in its error list', () => {
    for (const p of all) {
      for (const url of [p.url, p.unknownUrl].filter((u): u is string => u !== undefined)) {
        const { status, body } = baseline.get(url)!;
        if (status === 200 && p.route.response.kind === 'json') {
          const parsed = p.route.response.schema.safeParse(JSON.parse(body));
          expect(parsed.success, `${url}: ${parsed.error?.issues[0]?.message}`).toBe(true);
        } else if (status >= 400) {
          expect(p.route.errors.map((e) => e.status), `${url} answered ${status} ${body}`).toContain(status);
        }
      }
    }
  });

  it('answers no /api path or method the table does not hold', async () => {
    const stray: [string, string][] = [
      ['GET', '/api/v1/nothing'],
      ['GET', `/api/v1/applications/${ALPHA_APP}/nothing`],
      ['GET', '/api/console/nothing'],
      ['GET', '/api/v2/applications'],
    ];
    for (const [method, url] of stray) {
      const res = await fetch(server.url + url, { method, headers: basicAuth('root') });
      expect(res.status, `${method} ${url}`).toBe(404);
    }
    // A path of the table asked with a method it does not declare: 405 and what it allows, as Jersey answers.
    const wrongMethod: [string, string, string][] = [
      ['POST', '/api/v1/applications', 'GET, HEAD'],
      ['DELETE', `/api/v1/applications/${ALPHA_APP}`, 'GET, HEAD'],
      ['PUT', '/api/console/session', 'GET, HEAD, POST, DELETE'],
    ];
    for (const [method, url, allow] of wrongMethod) {
      const res = await fetch(server.url + url, { method, headers: basicAuth('root') });
      expect([res.status, res.headers.get('allow')], `${method} ${url}`).toEqual([405, allow]);
    }
  });

  it('the administrator baseline is a real answer for the sample apps', () => {
    expect(baseline.get(`/api/v1/applications/${ALPHA_APP}/jobs`)!.status).toBe(200);
    expect(baseline.get(`/api/v1/applications/${BETA_APP}/jobs`)!.status).toBe(200);
    expect(baseline.get('/api/v1/applications/no-such-app/jobs')!).toEqual({ status: 404, body: 'no such app: no-such-app' });
  });

  it('anonymous callers get 401 everywhere but on public routes', async () => {
    for (const p of all) {
      const answer = await ask(server.url + p.url, {}, p.route);
      if (p.route.access === 'public') expect(answer.status, p.url).toBe(baseline.get(p.url)!.status);
      else expect(answer.status, p.url).toBe(401);
    }
  });

  for (const user of Object.keys(USERS) as UserName[]) {
    for (const via of ['session', 'token', 'basic'] as const) {
      it(`${user} via ${via}`, async () => {
        const headers = credentials.get(`${user}/${via}`)!;
        const admin = 'admin' in USERS[user];
        let checked = 0;
        for (const p of all) {
          const answer = await ask(server.url + p.url, headers, p.route);
          const rule = p.route.access;
          const where = `${p.route.operationId} ${p.url}`;
          if (rule === 'consoleAdmin') {
            expect(answer.status, where).toBe(admin ? baseline.get(p.url)!.status : 403);
          } else if (rule === 'projectView' || rule === 'projectLogs' || rule === 'projectAdmin') {
            const role = roleIn(user, p.project!);
            if (admin || (role && roleAllows(role, rule))) {
              expect(answer.status, where).toBe(baseline.get(p.url)!.status);
            } else if (role) {
              expect(answer, where).toEqual({ status: 403, body: `user "${user}" is not authorized` });
            } else if (p.unknownUrl) {
              // Existence never leaks: exactly the answer about an application that does not exist.
              const unknown = baseline.get(p.unknownUrl)!;
              const appId = p.project === 'alpha' ? (p.url.includes(ALPHA_ATTEMPT_APP.appId) ? ALPHA_ATTEMPT_APP.appId : ALPHA_APP) : BETA_APP;
              expect(answer, where).toEqual({ status: unknown.status, body: unknown.body.replaceAll('no-such-app', appId) });
            } else {
              expect(answer, where).toEqual({ status: 404, body: `unknown project: ${p.project}` });
            }
          } else {
            expect(answer.status, where).toBe(baseline.get(p.url)!.status);
          }
          checked++;
        }
        expect(checked).toBe(all.length);
      });
    }
  }

  it('lists, facets, counts and status are filtered to the projects of the caller', async () => {
    const ids = async (user: UserName) =>
      ((await (await fetch(`${server.url}/api/v1/applications`, { headers: basicAuth(user) })).json()) as { id: string }[]).map((a) => a.id);
    const rootIds = await ids('root');
    expect(rootIds).toContain(ALPHA_APP);
    expect(rootIds).toContain(BETA_APP);
    expect(await ids('aviewer')).toEqual(rootIds.filter((id) => id !== BETA_APP));
    expect(await ids('bdev')).toEqual([BETA_APP]);
    expect(await ids('nobody')).toEqual([]);

    const page = async (user: UserName) =>
      (await (await fetch(`${server.url}/api/console/apps?limit=500`, { headers: basicAuth(user) })).json()) as { total: number; items: { project: string }[] };
    expect((await page('bdev')).items.map((i) => i.project)).toEqual(['beta']);
    expect(new Set((await page('adev')).items.map((i) => i.project))).toEqual(new Set(['alpha']));
    expect((await page('nobody')).total).toBe(0);

    const facets = (await (await fetch(`${server.url}/api/console/facets`, { headers: basicAuth('bdev') })).json()) as { projects: string[] };
    expect(facets.projects).toEqual(['beta']);
    const status = (await (await fetch(`${server.url}/api/console/status`, { headers: basicAuth('bdev') })).json()) as { applications: number; openStores?: number };
    expect(status.applications).toBe(1);
    // The machine's health (roots, stores, retries) is for console administrators only.
    expect(status.openStores).toBeUndefined();
    const rootStatus = (await (await fetch(`${server.url}/api/console/status`, { headers: basicAuth('root') })).json()) as { openStores?: number; maxOpenStores?: number; rootErrors?: unknown[] };
    expect(rootStatus.maxOpenStores).toBeGreaterThan(0);
    expect(rootStatus.rootErrors).toEqual([]);
    const metrics = await (await fetch(`${server.url}/metrics`, { headers: basicAuth('root') })).text();
    expect(metrics).toMatch(/^spark_console_stores_open \d+$/m);
    expect(metrics).toMatch(/^spark_console_applications \d+$/m);
    const projects = (await (await fetch(`${server.url}/api/console/projects`, { headers: basicAuth('aviewer') })).json()) as { projects: { name: string; myRole: string; canReadLogs: boolean }[] };
    expect(projects.projects.map((p) => [p.name, p.myRole, p.canReadLogs])).toEqual([['alpha', 'viewer', false]]);
  });

  it('membership changes need a project admin; owners are made only by owners', async () => {
    const put = (user: UserName, project: Project, role: string) =>
      fetch(`${server.url}/api/console/projects/${project}/members/ghost`, {
        method: 'PUT',
        headers: { ...basicAuth(user), 'Content-Type': 'application/json' },
        body: JSON.stringify({ role }),
      });
    const del = (user: UserName, project: Project) => fetch(`${server.url}/api/console/projects/${project}/members/ghost`, { method: 'DELETE', headers: basicAuth(user) });
    expect((await put('adev', 'alpha', 'viewer')).status).toBe(403);
    expect((await put('bdev', 'alpha', 'viewer')).status).toBe(404);
    expect((await put('aadmin', 'alpha', 'owner')).status).toBe(403);
    expect((await put('aadmin', 'alpha', 'viewer')).status).toBe(200);
    // ghost now sees alpha.
    const ghostIds = (await (await fetch(`${server.url}/api/v1/applications`, { headers: basicAuth('ghost') })).json()) as { id: string }[];
    expect(ghostIds.map((a) => a.id)).toContain(ALPHA_APP);
    expect((await del('aviewer', 'alpha')).status).toBe(403);
    expect((await del('aadmin', 'alpha')).status).toBe(200);
    expect((await del('aadmin', 'alpha')).status).toBe(404);
    expect((await put('aowner', 'alpha', 'owner')).status).toBe(200);
    expect((await del('root', 'alpha')).status).toBe(200);
    const bad = await put('aadmin', 'alpha', 'emperor');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^bad request body: role: /);
  });

  it('only a console administrator creates users; tokens are revoked only by their owner (or an admin)', async () => {
    const create = (user: UserName, name: string) =>
      fetch(`${server.url}/api/console/admin/users`, {
        method: 'POST',
        headers: { ...basicAuth(user), 'Content-Type': 'application/json' },
        body: JSON.stringify({ name, password: 'a-long-password' }),
      });
    expect((await create('aowner', 'newbie')).status).toBe(403);
    expect((await create('root', 'newbie')).status).toBe(200);
    expect((await create('root', 'newbie')).status).toBe(409);

    const tokenOf = async (user: UserName) => {
      const res = await fetch(`${server.url}/api/console/tokens`, { headers: basicAuth(user) });
      return ((await res.json()) as { tokens: { id: string }[] }).tokens[0]!.id;
    };
    const revoke = (user: UserName, id: string) => fetch(`${server.url}/api/console/tokens/${id}`, { method: 'DELETE', headers: basicAuth(user) });
    const adevToken = await tokenOf('adev');
    expect((await revoke('bdev', adevToken)).status).toBe(404);
    expect((await revoke('adev', adevToken)).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/version`, { headers: credentials.get('adev/token')! })).status).toBe(401);
    expect((await revoke('root', await tokenOf('bdev'))).status).toBe(200);
  });
});
