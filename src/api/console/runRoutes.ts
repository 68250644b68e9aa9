import { json, route } from '../routeDefinition.js';
import { sparkErrors } from '../spark/errors.js';
import { CONSOLE_API_PREFIX } from './consoleRoutes.js';
import { compareQuery, JobList, RunComparison, RunList, runListQuery } from './runs.js';

/** Jobs, their runs over time and run comparison (issue 14): the console's own API, beside consoleRoutes. */
export const runRoutes = {
  projectJobs: route({
    operationId: 'consoleProjectJobs',
    access: 'projectView',
    path: `${CONSOLE_API_PREFIX}/projects/{project}/jobs`,
    response: json(JobList),
    summary: "A project's jobs (applications by name), costliest first",
    description: 'Runs, failed runs, CU-hours and mean duration of every job of the project, from the listing index.',
    tag: 'console',
    errors: [{ status: 404, body: 'unknown project: {project}', when: 'no such project, or one the caller is not in' }],
  }),
  appRuns: route({
    operationId: 'consoleAppRuns',
    access: 'projectView',
    path: `${CONSOLE_API_PREFIX}/apps/{appId}/runs`,
    query: runListQuery,
    response: json(RunList),
    summary: 'Runs of the job an application is a run of (same project and name), newest first',
    description:
      'Each run with its duration, status, CU-hours, input, output and shuffle bytes, task time, failed tasks, jobs and ' +
      'stages, and executors. Only the newest `limit` runs are read.',
    tag: 'console',
    errors: [{ status: 404, body: sparkErrors.unknownApp('{appId}'), when: 'no such application' }],
  }),
  compare: route({
    operationId: 'consoleCompareRuns',
    access: 'projectView',
    path: `${CONSOLE_API_PREFIX}/apps/{appId}/attempts/{attempt}/compare`,
    query: compareQuery,
    response: json(RunComparison),
    summary: 'Two runs side by side: differing Spark properties, matched jobs, stages and SQL queries with deltas',
    description:
      'Compares the attempt with `with` (default: the previous run of the same job). Jobs and stages are matched by ' +
      'name (call site) and SQL executions by signature (description with literals replaced), in order of occurrence; plan differences are physical-plan ' +
      'lines with expression ids removed. Properties are redacted as on the Environment page. `attempt` is the attempt ' +
      'id, or `-` for an application without attempt ids.',
    tag: 'console',
    errors: [
      { status: 404, body: sparkErrors.noSuchApp('{appId}'), when: 'no such application or attempt (either one)' },
      { status: 404, body: 'no earlier run of {name} in {project}', when: 'no `with` and no previous run' },
    ],
  }),
} as const;
