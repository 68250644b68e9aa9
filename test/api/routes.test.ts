import Fastify from 'fastify';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ACCESS_RULES } from '../../src/api/access.js';
import { consoleRoutes } from '../../src/api/console/consoleRoutes.js';
import { fillPath, parsePathParams, toFastifyPath, type PathParams } from '../../src/api/routeDefinition.js';
import { routeTable, sparkRoutes } from '../../src/api/routes.js';

describe('route table', () => {
  it('has unique method + path pairs and operationIds, and an access rule on every route', () => {
    expect(new Set(routeTable.map((r) => `${r.method} ${r.path}`)).size).toBe(routeTable.length);
    for (const r of routeTable) expect(ACCESS_RULES, r.operationId).toContain(r.access);
    expect(new Set(routeTable.map((r) => r.operationId)).size).toBe(routeTable.length);
  });

  it("covers every History Server endpoint of spec §1.2, in both application forms", () => {
    const subPaths = [
      '/jobs',
      '/jobs/{jobId}',
      '/stages',
      '/stages/{stageId}',
      '/stages/{stageId}/{stageAttemptId}',
      '/stages/{stageId}/{stageAttemptId}/taskSummary',
      '/stages/{stageId}/{stageAttemptId}/taskList',
      '/executors',
      '/allexecutors',
      '/executors/{executorId}/threads',
      '/allmiscellaneousprocess',
      '/storage/rdd',
      '/storage/rdd/{rddId}',
      '/environment',
      '/sql',
      '/sql/{executionId}',
      '/logs',
    ];
    const paths = new Set(routeTable.map((r) => r.path));
    for (const sub of subPaths) {
      expect(paths, sub).toContain(`/api/v1/applications/{appId}${sub}`);
      expect(paths, sub).toContain(`/api/v1/applications/{appId}/{attemptId}${sub}`);
    }
    for (const p of ['/api/v1/version', '/api/v1/applications', '/api/v1/applications/{appId}', '/api/v1/applications/{appId}/{attemptId}']) {
      expect(paths).toContain(p);
    }
    expect(routeTable.filter((r) => r.path.startsWith('/api/v1'))).toHaveLength(4 + 2 * subPaths.length);
    expect(paths).toContain('/api/console/apps');
    expect(paths).toContain('/api/console/apps/{appId}/changes');
  });

  it("documents Spark's error texts", () => {
    const bodies = (r: { errors: readonly { status: number; body: string }[] }) => r.errors.map((e) => `${e.status} ${e.body}`);
    const throttled = '429 too many failed sign-ins: try again in {seconds} s';
    expect(bodies(sparkRoutes.application)).toEqual([expect.stringMatching(/^401 /), throttled, '404 unknown app: {appId}']);
    expect(bodies(sparkRoutes.applicationAttempt)).toEqual([expect.stringMatching(/^401 /), throttled, '404 unknown app {appId}, attempt {attemptId}']);
    // Event logs are for developers and up: a viewer of the project gets Spark's 403 text.
    expect(bodies(sparkRoutes.logs.withAttempt)).toContain('403 user "{user}" is not authorized');
    expect(bodies(sparkRoutes.stage.withAttempt)).toEqual([
      expect.stringMatching(/^400 Bad value for parameter "details"/),
      expect.stringMatching(/^400 Bad value for parameter "taskStatus"/),
      expect.stringMatching(/^400 Bad value for parameter "withSummaries"/),
      '400 Bad value for parameter "quantiles".  Expected a double, got "{value}"',
      expect.stringMatching(/^401 sign-in required/),
      throttled,
      '404 no such app: {appId}/{attemptId}',
      '404 unknown stage: {stageId}',
      '404 unknown attempt for stage {stageId}.  Found attempts: [{attemptIds}]',
    ]);
    expect(bodies(sparkRoutes.applications)).toContain("400 Couldn't parse date: {value}");
    expect(bodies(sparkRoutes.logs.withoutAttempt)).toContain('503 Event logs are not available for app: {appId}.');
    expect(sparkRoutes.logs.withAttempt.response).toEqual({ kind: 'zip', fileName: 'eventLogs-{appId}-{attemptId}.zip', contentType: 'application/octet-stream' });
  });
});

describe('path parameters', () => {
  it('converts templates to Fastify syntax', () => {
    expect(toFastifyPath(sparkRoutes.taskList.withAttempt.path)).toBe(
      '/api/v1/applications/:appId/:attemptId/stages/:stageId/:stageAttemptId/taskList',
    );
  });

  it('parses numeric segments as Java ints and rejects what Spark would not route', () => {
    const r = sparkRoutes.stage.withoutAttempt;
    expect(parsePathParams(r, { appId: 'app-1', stageId: '3', stageAttemptId: '0' })).toEqual({ appId: 'app-1', stageId: 3, stageAttemptId: 0 });
    expect(parsePathParams(r, { appId: 'app-1', stageId: 'flimflam', stageAttemptId: '0' })).toBeUndefined();
    expect(parsePathParams(r, { appId: 'app-1', stageId: '-1', stageAttemptId: '0' })).toBeUndefined();
    expect(parsePathParams(r, { appId: 'app-1', stageId: '2147483648', stageAttemptId: '0' })).toBeUndefined();
    expect(parsePathParams(sparkRoutes.executorThreads.withoutAttempt, { appId: 'a', executorId: 'driver' })).toEqual({ appId: 'a', executorId: 'driver' });
  });

  it('types path parameters from the template', () => {
    type P = PathParams<typeof sparkRoutes.taskList.withAttempt.path>;
    expectTypeOf<P>().toEqualTypeOf<{ appId: string; attemptId: string; stageId: number; stageAttemptId: number }>();
  });

  it('fills templates with encoded values', () => {
    expect(fillPath(sparkRoutes.job.withAttempt.path, { appId: 'a b', attemptId: '1', jobId: 7 })).toBe('/api/v1/applications/a%20b/1/jobs/7');
  });
});

describe('the table registers in Fastify and routes like Spark (static segments win)', () => {
  const app = Fastify();
  for (const r of routeTable.filter((x) => x.method === 'GET')) {
    app.get(toFastifyPath(r.path), async (req) => ({ op: r.operationId, params: parsePathParams(r, req.params as Record<string, string>) ?? null }));
  }

  const hit = async (url: string) => (await app.inject({ method: 'GET', url })).json() as { op: string; params: unknown };

  it.each([
    ['/api/v1/version', 'version'],
    ['/api/v1/applications', 'listApplications'],
    ['/api/v1/applications/app-1', 'getApplication'],
    ['/api/v1/applications/app-1/2', 'getApplicationAttempt'],
    ['/api/v1/applications/app-1/jobs', 'listJobs'],
    ['/api/v1/applications/app-1/2/jobs', 'listJobsForAttempt'],
    ['/api/v1/applications/app-1/jobs/3', 'getJob'],
    ['/api/v1/applications/app-1/stages/3/0', 'getStageAttempt'],
    ['/api/v1/applications/app-1/2/stages/3/0/taskList?sortBy=-runtime', 'listTasksForAttempt'],
    ['/api/v1/applications/app-1/storage/rdd/0', 'getRdd'],
    ['/api/v1/applications/app-1/logs', 'downloadEventLogs'],
    ['/api/v1/applications/app-1/2/logs', 'downloadEventLogsForAttempt'],
    ['/api/console/apps?status=running', 'consoleListApps'],
    ['/api/console/apps/app-1/changes', 'consoleAppChanges'],
  ])('%s → %s', async (url, op) => {
    expect((await hit(url)).op).toBe(op);
  });

  it('a non-numeric id matches the route but not the parameters (→ 404 like Spark)', async () => {
    expect(await hit('/api/v1/applications/app-1/stages/flimflam')).toEqual({ op: 'listStageAttempts', params: null });
  });

  it('console routes are in their own section (besides the OpenAPI document and Prometheus metrics)', () => {
    const paths = Object.values(consoleRoutes).map((r) => r.path);
    expect(paths.filter((p) => !p.startsWith('/api/console/'))).toEqual(['/api/docs', '/metrics']);
  });
});
