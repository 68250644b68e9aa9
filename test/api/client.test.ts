import { describe, expect, expectTypeOf, it } from 'vitest';
import { ApiError, ContractError } from '../../src/api/apiError.js';
import { createClient, type AppRef, type FetchLike } from '../../src/api/client.js';
import type { AppListPage } from '../../src/api/console/appListItem.js';
import type { ProjectList } from '../../src/api/console/projects.js';
import { accessKeys, appKeys, consoleKeys, keysForChange } from '../../src/api/queryKeys.js';
import type { ApplicationInfo } from '../../src/api/spark/application.js';
import type { ExecutionData } from '../../src/api/spark/sql.js';
import type { StageData } from '../../src/api/spark/stage.js';
import type { TaskData } from '../../src/api/spark/task.js';
import type { TaskMetricDistributions } from '../../src/api/spark/taskMetricDistributions.js';

/** A fetch that records what was asked and answers with a canned response. */
function recorder(answer: () => Response = () => Response.json([])) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return answer();
  };
  return { calls, fetch };
}

const app: AppRef = { appId: 'local-1' };
const attempt: AppRef = { appId: 'app-2', attemptId: '1' };

describe('client URLs', () => {
  const { calls, fetch } = recorder();
  const client = createClient({ fetch });
  const last = () => calls.at(-1)!.url;

  it.each<[string, () => Promise<unknown>, string]>([
    ['version', () => client.version(), '/api/v1/version'],
    ['applications', () => client.applications(), '/api/v1/applications'],
    [
      'applications with filters',
      () => client.applications({ status: ['COMPLETED'], minDate: Date.UTC(2015, 1, 10), limit: 3 }),
      '/api/v1/applications?status=COMPLETED&minDate=2015-02-10T00%3A00%3A00.000GMT&limit=3',
    ],
    ['application', () => client.application('local-1'), '/api/v1/applications/local-1'],
    ['applicationAttempt', () => client.applicationAttempt({ appId: 'app-2', attemptId: '1' }), '/api/v1/applications/app-2/1'],
    ['jobs', () => client.jobs(app), '/api/v1/applications/local-1/jobs'],
    ['jobs of an attempt', () => client.jobs(attempt, { status: ['SUCCEEDED', 'FAILED'] }), '/api/v1/applications/app-2/1/jobs?status=SUCCEEDED&status=FAILED'],
    ['job', () => client.job(app, 4), '/api/v1/applications/local-1/jobs/4'],
    ['stages', () => client.stages(app, { status: ['ACTIVE'], details: true }), '/api/v1/applications/local-1/stages?status=ACTIVE&details=true'],
    ['stageAttempts', () => client.stageAttempts(app, 3), '/api/v1/applications/local-1/stages/3'],
    [
      'stage',
      () => client.stage(attempt, 3, 1, { details: false, withSummaries: true, quantiles: [0.5, 0.99] }),
      '/api/v1/applications/app-2/1/stages/3/1?details=false&withSummaries=true&quantiles=0.5%2C0.99',
    ],
    ['taskSummary', () => client.taskSummary(app, 0, 0), '/api/v1/applications/local-1/stages/0/0/taskSummary'],
    [
      'taskList',
      () => client.taskList(app, 0, 0, { offset: 10, length: 50, sortBy: 'DECREASING_RUNTIME', status: ['FAILED'] }),
      '/api/v1/applications/local-1/stages/0/0/taskList?offset=10&length=50&sortBy=DECREASING_RUNTIME&status=FAILED',
    ],
    ['executors', () => client.executors(app), '/api/v1/applications/local-1/executors'],
    ['allExecutors', () => client.allExecutors(attempt), '/api/v1/applications/app-2/1/allexecutors'],
    ['miscProcesses', () => client.miscProcesses(app), '/api/v1/applications/local-1/allmiscellaneousprocess'],
    ['rdds', () => client.rdds(app), '/api/v1/applications/local-1/storage/rdd'],
    ['rdd', () => client.rdd(app, 0), '/api/v1/applications/local-1/storage/rdd/0'],
    ['environment', () => client.environment(app), '/api/v1/applications/local-1/environment'],
    ['sql', () => client.sql(app, { offset: 20, length: 20, planDescription: false }), '/api/v1/applications/local-1/sql?planDescription=false&offset=20&length=20'],
    ['sqlExecution', () => client.sqlExecution(app, 5, { details: false }), '/api/v1/applications/local-1/sql/5?details=false'],
    [
      'consoleApps',
      () => client.consoleApps({ status: ['running'], project: ['p1'], search: 'etl job', sort: '-duration', offset: 50 }),
      '/api/console/apps?status=running&project=p1&search=etl+job&sort=-duration&offset=50',
    ],
  ])('%s', async (_name, call, url) => {
    await call();
    expect(last()).toBe(url);
  });

  it('builds download and event-stream URLs without fetching', () => {
    const before = calls.length;
    expect(client.logsUrl(app)).toBe('/api/v1/applications/local-1/logs');
    expect(client.logsUrl(attempt)).toBe('/api/v1/applications/app-2/1/logs');
    expect(client.appChangesUrl('local-1')).toBe('/api/console/apps/local-1/changes');
    expect(calls.length).toBe(before);
  });

  it('encodes path segments', async () => {
    await client.jobs({ appId: 'odd/id' });
    expect(last()).toBe('/api/v1/applications/odd%2Fid/jobs');
  });
});

describe('client behaviour', () => {
  it('prefixes a base URL (Node) and passes the abort signal', async () => {
    const { calls, fetch } = recorder();
    const client = createClient({ fetch, baseUrl: 'http://127.0.0.1:18080/' });
    const controller = new AbortController();
    await client.jobs(app, {}, { signal: controller.signal });
    expect(calls[0]!.url).toBe('http://127.0.0.1:18080/api/v1/applications/local-1/jobs');
    expect(calls[0]!.init?.signal).toBe(controller.signal);
  });

  it('turns an error answer into ApiError with the plain-text body', async () => {
    const { fetch } = recorder(() => new Response('unknown app: foobar', { status: 404, headers: { 'content-type': 'text/plain' } }));
    const error = await createClient({ fetch })
      .application('foobar')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, body: 'unknown app: foobar', url: '/api/v1/applications/foobar', isNotFound: true });
    expect((error as ApiError).message).toBe('404: unknown app: foobar');
  });

  it('keeps Spark’s exact 400 text', async () => {
    const text = 'Bad value for parameter "quantiles".  Expected a double, got "foo"';
    const { fetch } = recorder(() => new Response(text, { status: 400 }));
    await expect(createClient({ fetch }).taskSummary(app, 0, 0)).rejects.toMatchObject({ status: 400, body: text });
  });

  it('validates answers against the contract when asked (dev)', async () => {
    const { fetch } = recorder(() => Response.json({ spark: 3.5 }));
    await expect(createClient({ fetch, validate: true }).version()).rejects.toBeInstanceOf(ContractError);
    await expect(createClient({ fetch }).version()).resolves.toEqual({ spark: 3.5 });
    const ok = recorder(() => Response.json({ spark: '3.5.1' }));
    await expect(createClient({ fetch: ok.fetch, validate: true }).version()).resolves.toEqual({ spark: '3.5.1' });
  });

  it('tells onContractError about a mismatch, naming the field, before it throws', async () => {
    const { fetch } = recorder(() => Response.json({ spark: 3.5 }));
    const seen: ContractError[] = [];
    await expect(createClient({ fetch, validate: true, onContractError: (e) => seen.push(e) }).version()).rejects.toBeInstanceOf(ContractError);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.problems).toMatch(/^spark: /);
    await createClient({ fetch, onContractError: (e) => seen.push(e) }).version();
    expect(seen).toHaveLength(1);
  });

  it('types answers with the schema types', () => {
    const client = createClient({ fetch: recorder().fetch });
    expectTypeOf(client.applications).returns.resolves.toEqualTypeOf<ApplicationInfo[]>();
    expectTypeOf(client.stage).returns.resolves.toEqualTypeOf<StageData>();
    expectTypeOf(client.stages).returns.resolves.toEqualTypeOf<StageData[]>();
    expectTypeOf(client.taskList).returns.resolves.toEqualTypeOf<TaskData[]>();
    expectTypeOf(client.taskSummary).returns.resolves.toEqualTypeOf<TaskMetricDistributions>();
    expectTypeOf(client.sqlExecution).returns.resolves.toEqualTypeOf<ExecutionData>();
    expectTypeOf(client.consoleApps).returns.resolves.toEqualTypeOf<AppListPage>();
  });
});

describe('access API', () => {
  const session = { user: { name: 'alice', displayName: 'Alice', admin: true }, csrfToken: 'csrf-1', authMode: 'password', expiresAt: 1 };

  it.each<[string, (c: ReturnType<typeof createClient>) => Promise<unknown>, string, string, unknown]>([
    ['signInOptions', (c) => c.signInOptions(), 'GET', '/api/console/sign-in-options', undefined],
    ['projects', (c) => c.projects(), 'GET', '/api/console/projects', undefined],
    ['project', (c) => c.project('sales_dw'), 'GET', '/api/console/projects/sales_dw', undefined],
    ['setMember', (c) => c.setMember('sales_dw', 'carol', 'viewer'), 'PUT', '/api/console/projects/sales_dw/members/carol', { role: 'viewer' }],
    ['removeMember', (c) => c.removeMember('sales_dw', 'a.b@c'), 'DELETE', '/api/console/projects/sales_dw/members/a.b%40c', undefined],
    ['tokens', (c) => c.tokens(), 'GET', '/api/console/tokens', undefined],
    ['createToken', (c) => c.createToken({ name: 'ci', expiresInDays: 7 }), 'POST', '/api/console/tokens', { name: 'ci', expiresInDays: 7 }],
    ['revokeToken', (c) => c.revokeToken('t1'), 'DELETE', '/api/console/tokens/t1', undefined],
    ['adminUsers', (c) => c.adminUsers(), 'GET', '/api/console/admin/users', undefined],
    ['createUser', (c) => c.createUser({ name: 'erin', password: 'long-enough' }), 'POST', '/api/console/admin/users', { name: 'erin', password: 'long-enough' }],
    ['userDirectory', (c) => c.userDirectory(), 'GET', '/api/console/users', undefined],
    [
      'audit',
      (c) => c.audit({ user: 'bob', action: 'memberSet', from: 10, offset: 100, limit: 50 }),
      'GET',
      '/api/console/admin/audit?user=bob&action=memberSet&from=10&offset=100&limit=50',
      undefined,
    ],
  ])('%s', async (_name, invoke, method, url, body) => {
    const { calls, fetch } = recorder(() => Response.json({}));
    await invoke(createClient({ fetch }));
    const init = calls[0]!.init!;
    expect(calls[0]!.url).toBe(url);
    expect(init.method).toBe(method);
    expect(init.body === undefined ? undefined : JSON.parse(init.body as string)).toEqual(body);
    const headers = init.headers as Record<string, string>;
    expect(headers['X-Requested-With']).toBe('spark-console');
    if (body !== undefined) expect(headers['Content-Type']).toBe('application/json');
  });

  it('keeps the CSRF token of the session and sends it on state-changing calls only', async () => {
    const { calls, fetch } = recorder(() => Response.json(session));
    const client = createClient({ fetch });
    await client.createToken({ name: 'before' });
    expect((calls[0]!.init!.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    await client.signIn({ user: 'alice', password: 'pw' });
    expect(calls[1]!.init!.method).toBe('POST');
    expect(JSON.parse(calls[1]!.init!.body as string)).toEqual({ user: 'alice', password: 'pw' });
    expect(client.csrfToken()).toBe('csrf-1');
    await client.setMember('p', 'bob', 'developer');
    expect((calls[2]!.init!.headers as Record<string, string>)['x-csrf-token']).toBe('csrf-1');
    await client.projects();
    expect((calls[3]!.init!.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    await client.signOut();
    expect(calls[4]!.init!.method).toBe('DELETE');
    expect((calls[4]!.init!.headers as Record<string, string>)['x-csrf-token']).toBe('csrf-1');
    expect(client.csrfToken()).toBe('');
  });

  it('learns the CSRF token from GET session too', async () => {
    const { fetch } = recorder(() => Response.json({ ...session, csrfToken: 'csrf-2' }));
    const client = createClient({ fetch });
    await client.session();
    expect(client.csrfToken()).toBe('csrf-2');
  });

  it('turns a throttled sign-in into ApiError 429 with the server text', async () => {
    const text = 'too many failed sign-ins: try again in 30 s';
    const { fetch } = recorder(() => new Response(text, { status: 429 }));
    await expect(createClient({ fetch }).signIn({ user: 'x', password: 'y' })).rejects.toMatchObject({ status: 429, body: text });
  });

  it('types access answers with the schema types', () => {
    const client = createClient({ fetch: recorder().fetch });
    expectTypeOf(client.projects).returns.resolves.toEqualTypeOf<ProjectList>();
  });
});

describe('query keys', () => {
  it('nest access keys under their prefixes', () => {
    expect(accessKeys.project('p').slice(0, 3)).toEqual([...accessKeys.projectsAll()]);
    expect(accessKeys.projects().slice(0, 3)).toEqual([...accessKeys.projectsAll()]);
    expect(accessKeys.userDirectory().slice(0, 3)).toEqual([...accessKeys.usersAll()]);
    expect(accessKeys.audit({ user: undefined, offset: 0 })).toEqual(['spark-console', 'access', 'audit', { offset: 0 }]);
  });

  const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) =>
    JSON.stringify(key.slice(0, prefix.length)) === JSON.stringify(prefix);

  it('nest app → stage → tasks', () => {
    const a = appKeys.app(attempt);
    const s = a.stage(3, 0);
    const tasks = s.tasks({ offset: 20, sortBy: 'ID' });
    expect(tasks).toEqual(['spark-console', 'v1', 'app', 'app-2', '1', 'stage', 3, 0, 'tasks', { offset: 20, sortBy: 'ID' }]);
    expect(startsWith(tasks, s.key)).toBe(true);
    expect(startsWith(tasks, a.key)).toBe(true);
    expect(startsWith(a.key, appKeys.appAllAttempts('app-2'))).toBe(true);
    expect(startsWith(a.jobs({ status: ['RUNNING'] }), appKeys.all)).toBe(true);
  });

  it('separate attempts and the attempt-less form', () => {
    expect(appKeys.app(app).key).toEqual(['spark-console', 'v1', 'app', 'local-1', null]);
    expect(appKeys.app({ appId: 'app-2', attemptId: '2' }).key).not.toEqual(appKeys.app(attempt).key);
  });

  it('drop undefined params so equal requests share a key', () => {
    expect(appKeys.app(app).stages({ details: undefined })).toEqual(appKeys.app(app).stages());
    expect(consoleKeys.apps({ search: undefined })).toEqual(['spark-console', 'console', 'apps', {}]);
  });

  it('map an AppChangeEvent to prefixes to invalidate', () => {
    const keys = keysForChange({ appId: 'app-2', attemptId: '1', scopes: ['stages', 'tasks', 'executors'] });
    const a = appKeys.app(attempt);
    expect(keys).toEqual([
      [...a.key, 'stages'],
      [...a.key, 'stage'],
      [...a.key, 'executors'],
    ]);
    expect(startsWith(a.stage(1, 0).tasks(), keys[1]!)).toBe(true);
    expect(keysForChange({ appId: 'x', scopes: ['app'] })).toContainEqual(consoleKeys.apps());
  });
});
