import type { sparkRoutes } from '../../api/routes.js';
import { sparkErrors } from '../../api/spark/errors.js';
import { ApiError, badRequest } from '../api/apiError.js';
import { SPARK_API_VERSION, type SparkApi } from '../api/sparkApi.js';
import { sendEventLogZip } from './eventLogZip.js';
import type { HandlerTable, RouteContext } from './registrar.js';

type Ctx<K extends keyof typeof sparkRoutes> = RouteContext<(typeof sparkRoutes)[K]>;

/** The attempt a per-application route names (none in the attempt-less form), resolved in the caller's view. */
const attemptOf = (ctx: { view: Ctx<'jobs'>['view']; params: { appId: string; attemptId?: string } }) =>
  ctx.view.resolve(ctx.params.appId, ctx.params.attemptId);

/** Spark's /api/v1 resources, one handler per entry of the route table (both forms of app sub-resources). */
export function sparkHandlers(api: SparkApi): HandlerTable<typeof sparkRoutes> {
  return {
    version: () => ({ spark: SPARK_API_VERSION }),
    applications: (ctx) => api.applications(ctx.view, ctx.query),
    application: (ctx) => api.application(ctx.view, ctx.params.appId),
    applicationAttempt: (ctx) => api.attempt(ctx.view, ctx.params.appId, ctx.params.attemptId),
    jobs: async (ctx) => api.jobs(await attemptOf(ctx), ctx.query),
    job: async (ctx) => api.job(await attemptOf(ctx), ctx.params.jobId),
    stages: async (ctx) => api.stages(await attemptOf(ctx), ctx.query),
    stageAttempts: async (ctx) => api.stageAttempts(await attemptOf(ctx), ctx.params.stageId, ctx.query),
    stage: async (ctx) => api.stageAttempt(await attemptOf(ctx), ctx.params.stageId, ctx.params.stageAttemptId, ctx.query),
    taskSummary: async (ctx) => api.taskSummary(await attemptOf(ctx), ctx.params.stageId, ctx.params.stageAttemptId, ctx.query),
    taskList: async (ctx) => api.taskList(await attemptOf(ctx), ctx.params.stageId, ctx.params.stageAttemptId, ctx.query),
    executors: async (ctx) => api.executors(await attemptOf(ctx), true),
    allExecutors: async (ctx) => api.executors(await attemptOf(ctx), false),
    executorThreads: async (ctx) => {
      await attemptOf(ctx);
      // Spark's ExecutorThreadDump: a bad id is 400; a History Server has no live executors to ask.
      if (ctx.params.executorId !== 'driver' && !/^\d+$/.test(ctx.params.executorId)) throw badRequest(sparkErrors.invalidExecutorId());
      throw new ApiError(503, sparkErrors.threadDumpsUnavailable());
    },
    miscProcesses: async (ctx) => api.miscProcesses(await attemptOf(ctx)),
    rdds: async (ctx) => api.rdds(await attemptOf(ctx)),
    rdd: async (ctx) => api.rdd(await attemptOf(ctx), ctx.params.rddId),
    environment: async (ctx) => api.environment(await attemptOf(ctx)),
    sqlList: async (ctx) => api.sqlList(await attemptOf(ctx), ctx.query),
    sqlExecution: async (ctx) => api.sqlExecution(await attemptOf(ctx), ctx.params.executionId, ctx.query),
    logs: async (ctx) => {
      const reply = await sendEventLogZip(ctx.reply, ctx.view, ctx.params.appId, ctx.params.attemptId);
      ctx.audit('eventLogDownload', { project: ctx.view.application(ctx.params.appId)?.attempts[0]?.project ?? null, target: ctx.params.appId });
      return reply;
    },
  };
}
