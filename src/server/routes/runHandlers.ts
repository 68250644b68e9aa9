import type { runRoutes } from '../../api/console/runRoutes.js';
import { sparkErrors } from '../../api/spark/errors.js';
import { ApiError, notFound } from '../api/apiError.js';
import type { ResolvedAttempt } from '../api/appCatalog.js';
import { projectOfApp, type CatalogView } from '../api/catalogView.js';
import type { SparkApi } from '../api/sparkApi.js';
import { compareRuns, type ComparedRun } from '../runs/compareRuns.js';
import { previousRun, projectJobs, runsOfJob } from '../runs/jobRuns.js';
import { indexOnlyRunSummary, runSummary } from '../runs/runSummary.js';
import type { HandlerTable } from './registrar.js';

const attemptParam = (attempt: string | undefined) => (attempt === undefined || attempt === '-' ? undefined : attempt);

/** Jobs, runs and run comparison (contract: src/api/console/runRoutes.ts). Every app is looked up in the caller's view. */
export function runHandlers(api: SparkApi): HandlerTable<typeof runRoutes> {
  const compared = (a: ResolvedAttempt): ComparedRun => ({
    attempt: a,
    summary: runSummary(a),
    properties: api.environment(a).sparkProperties as [string, string][],
  });
  const visibleApp = (view: CatalogView, appId: string) => {
    const app = view.application(appId);
    if (!app) throw notFound(sparkErrors.unknownApp(appId));
    return app;
  };

  return {
    projectJobs: (ctx) => projectJobs(ctx.view.applications(), ctx.params.project),

    appRuns: async (ctx) => {
      const app = visibleApp(ctx.view, ctx.params.appId);
      const project = projectOfApp(app);
      const runs = runsOfJob(ctx.view.applications(), project, app.name);
      const described = [];
      // One store at a time: the pool stays small however many runs are asked for.
      for (const run of runs.slice(0, ctx.query.limit)) {
        const newest = run.attempts[0]!;
        try {
          described.push(runSummary(await ctx.view.resolve(run.id, newest.attemptId ?? undefined)));
        } catch (err) {
          // A run still waiting for its replay (or whose store is being rebuilt) does not hide the others.
          if (!(err instanceof ApiError)) throw err;
          described.push(indexOnlyRunSummary(run));
        }
      }
      return { project, name: app.name, total: runs.length, runs: described };
    },

    compare: async (ctx) => {
      const { appId, attempt } = ctx.params;
      const a = await ctx.view.resolve(appId, attemptParam(attempt));
      let other: ResolvedAttempt;
      if (ctx.query.with === undefined) {
        const previous = previousRun(ctx.view.applications(), a.app);
        if (!previous) throw notFound(`no earlier run of ${a.app.name} in ${projectOfApp(a.app)}`);
        other = await ctx.view.resolve(previous.id, previous.attempts[0]!.attemptId ?? undefined);
      } else {
        const otherApp = ctx.view.application(ctx.query.with);
        const withAttempt = ctx.query.withAttempt === undefined ? otherApp?.attempts[0]?.attemptId ?? undefined : attemptParam(ctx.query.withAttempt);
        other = await ctx.view.resolve(ctx.query.with, withAttempt);
      }
      return compareRuns(compared(a), compared(other));
    },
  };
}
