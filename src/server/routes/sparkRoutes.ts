import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RawQuery, QueryError } from '../../api/query/queryDefinition.js';
import { isQueryError } from '../../api/query/queryDefinition.js';
import {
  parseApplicationsQuery,
  parseJobsQuery,
  parseSqlExecutionQuery,
  parseSqlListQuery,
  parseStageQuery,
  parseStagesQuery,
  parseTaskListQuery,
  parseTaskSummaryQuery,
} from '../../api/spark/queries.js';
import { ApiError, badRequest } from '../api/apiError.js';
import type { AppCatalog, ResolvedAttempt } from '../api/appCatalog.js';
import { RawJson, SPARK_API_VERSION, type SparkApi } from '../api/sparkApi.js';
import { sendEventLogZip } from './eventLogZip.js';

type Params = Record<string, string>;

function query<T>(req: FastifyRequest, parse: (raw: RawQuery) => T | QueryError): T {
  const parsed = parse(req.query as RawQuery);
  if (isQueryError(parsed)) throw badRequest(parsed.error);
  return parsed;
}

/** Path segments Spark declares as `\d+`; anything else is "no such route" (404), as in Jersey. */
function intSegment(text: string | undefined): number {
  if (text === undefined || !/^\d+$/.test(text) || Number(text) > 2_147_483_647) throw new ApiError(404, 'Not Found');
  return Number(text);
}

/**
 * Spark's /api/v1 routes. Every per-application resource exists twice, as in Spark: under
 * `applications/{appId}/…` (attempt-less apps) and `applications/{appId}/{attemptId}/…`.
 */
export function registerSparkRoutes(app: FastifyInstance, api: SparkApi, catalog: AppCatalog): void {
  const json = (reply: FastifyReply, body: unknown) =>
    reply.type('application/json').send(body instanceof RawJson ? body.text : JSON.stringify(body));

  app.get('/api/v1/version', async (_req, reply) => json(reply, { spark: SPARK_API_VERSION }));
  app.get('/api/v1/applications', async (req, reply) => json(reply, api.applications(query(req, parseApplicationsQuery))));
  app.get('/api/v1/applications/:appId', async (req, reply) => json(reply, api.application((req.params as Params).appId!)));
  app.get('/api/v1/applications/:appId/:attemptId', async (req, reply) => {
    const p = req.params as Params;
    return json(reply, api.attempt(p.appId!, p.attemptId!));
  });

  // Zip of event logs: all attempts, or one.
  app.get('/api/v1/applications/:appId/logs', async (req, reply) => sendEventLogZip(reply, catalog, (req.params as Params).appId!, undefined));
  app.get('/api/v1/applications/:appId/:attemptId/logs', async (req, reply) => {
    const p = req.params as Params;
    return sendEventLogZip(reply, catalog, p.appId!, p.attemptId!);
  });

  const perAttempt = (suffix: string, handler: (a: ResolvedAttempt, req: FastifyRequest, p: Params) => unknown) => {
    const run = async (req: FastifyRequest, reply: FastifyReply, attemptId: string | undefined) => {
      const p = req.params as Params;
      const resolved = await catalog.resolve(p.appId!, attemptId);
      return json(reply, handler(resolved, req, p));
    };
    app.get(`/api/v1/applications/:appId/${suffix}`, (req, reply) => run(req, reply, undefined));
    app.get(`/api/v1/applications/:appId/:attemptId/${suffix}`, (req, reply) => run(req, reply, (req.params as Params).attemptId));
  };

  perAttempt('jobs', (a, req) => api.jobs(a, query(req, parseJobsQuery)));
  perAttempt('jobs/:jobId', (a, _req, p) => api.job(a, intSegment(p.jobId)));
  perAttempt('stages', (a, req) => api.stages(a, query(req, parseStagesQuery)));
  perAttempt('stages/:stageId', (a, req, p) => api.stageAttempts(a, intSegment(p.stageId), query(req, parseStageQuery)));
  perAttempt('stages/:stageId/:stageAttemptId', (a, req, p) =>
    api.stageAttempt(a, intSegment(p.stageId), intSegment(p.stageAttemptId), query(req, parseStageQuery)),
  );
  perAttempt('stages/:stageId/:stageAttemptId/taskSummary', (a, req, p) =>
    api.taskSummary(a, intSegment(p.stageId), intSegment(p.stageAttemptId), query(req, parseTaskSummaryQuery)),
  );
  perAttempt('stages/:stageId/:stageAttemptId/taskList', (a, req, p) =>
    api.taskList(a, intSegment(p.stageId), intSegment(p.stageAttemptId), query(req, parseTaskListQuery)),
  );
  perAttempt('executors', (a) => api.executors(a, true));
  perAttempt('allexecutors', (a) => api.executors(a, false));
  perAttempt('allmiscellaneousprocess', (a) => api.miscProcesses(a));
  perAttempt('storage/rdd', (a) => api.rdds(a));
  perAttempt('storage/rdd/:rddId', (a, _req, p) => api.rdd(a, intSegment(p.rddId)));
  perAttempt('environment', (a) => api.environment(a));
  perAttempt('sql', (a, req) => api.sqlList(a, query(req, parseSqlListQuery)));
  perAttempt('sql/:executionId', (a, req, p) => api.sqlExecution(a, intSegment(p.executionId), query(req, parseSqlExecutionQuery)));
}
