import { LOG_TYPES, type AppRef, type LogType } from '../../api/index.js';

/*
 * URL scheme of the SPA (documented in routes.tsx). Every application page lives under
 * `/apps/:appId/:attempt/…` where `:attempt` is the attempt id, or `-` for applications whose log has none
 * (local, client and standalone mode). Building links only through these helpers keeps that rule in one place.
 */

/** Path segment for "no attempt id". */
export const NO_ATTEMPT = '-';

export function attemptSegment(attemptId: string | undefined): string {
  return attemptId === undefined || attemptId === '' ? NO_ATTEMPT : attemptId;
}

/** The AppRef the API client expects, from the route's `:attempt` segment. */
export function appRefFromParams(appId: string, attempt: string | undefined): AppRef {
  return attempt === undefined || attempt === NO_ATTEMPT ? { appId } : { appId, attemptId: attempt };
}

function base(app: AppRef): string {
  return `/apps/${encodeURIComponent(app.appId)}/${encodeURIComponent(attemptSegment(app.attemptId))}`;
}

/*
 * A log's type in the viewer's URL. `driver.log` is written `driver-log`: the server hands the SPA shell only to
 * paths that do not end in a file extension, so a reloaded `…/logs/driver/driver.log` would be a 404.
 */
export function logTypeSegment(logType: LogType): string {
  return logType === 'driver.log' ? 'driver-log' : logType;
}

/** The log type of a URL segment (either spelling of the driver log), or undefined for anything else. */
export function logTypeFromSegment(segment: string | undefined): LogType | undefined {
  if (segment === 'driver-log') return 'driver.log';
  return (LOG_TYPES as readonly string[]).includes(segment ?? '') ? (segment as LogType) : undefined;
}

export const appPaths = {
  appsList: () => '/',
  /** Redirects to the newest attempt of the application. */
  app: (appId: string) => `/apps/${encodeURIComponent(appId)}`,
  jobs: (app: AppRef) => `${base(app)}/jobs`,
  job: (app: AppRef, jobId: number) => `${base(app)}/jobs/${jobId}`,
  stages: (app: AppRef) => `${base(app)}/stages`,
  stage: (app: AppRef, stageId: number, attemptId: number) => `${base(app)}/stages/${stageId}/${attemptId}`,
  storage: (app: AppRef) => `${base(app)}/storage`,
  rdd: (app: AppRef, rddId: number) => `${base(app)}/storage/rdd/${rddId}`,
  environment: (app: AppRef) => `${base(app)}/environment`,
  /** `executor` highlights (and scrolls to) that executor's row. */
  executors: (app: AppRef, executor?: string) =>
    `${base(app)}/executors${executor === undefined ? '' : `?executor=${encodeURIComponent(executor)}`}`,
  /** Driver and executor logs the console holds (Logs tab). */
  logs: (app: AppRef) => `${base(app)}/logs`,
  /** The log viewer for one file. */
  log: (app: AppRef, executorId: string, logType: LogType) =>
    `${base(app)}/logs/${encodeURIComponent(executorId)}/${encodeURIComponent(logTypeSegment(logType))}`,
  /** Findings: why the application failed or was slow. */
  diagnostics: (app: AppRef) => `${base(app)}/diagnostics`,
  /** Runs of the job this application is a run of (trend chart, pick two to compare). */
  runs: (app: AppRef) => `${base(app)}/runs`,
  /** This run side by side with another (`with`), or with the previous run of its job. */
  compare: (app: AppRef, other?: AppRef) => {
    if (other === undefined) return `${base(app)}/compare`;
    const params = new URLSearchParams({ with: other.appId });
    if (other.attemptId !== undefined) params.set('withAttempt', other.attemptId);
    return `${base(app)}/compare?${params.toString()}`;
  },
  sql: (app: AppRef) => `${base(app)}/sql`,
  sqlExecution: (app: AppRef, executionId: number) => `${base(app)}/sql/${executionId}`,
};

/** A project's page. */
export function projectPath(project: string): string {
  return `/projects/${encodeURIComponent(project)}`;
}

/** The application list filtered to a project (and optionally statuses). */
export function projectAppsPath(project: string, status?: string): string {
  const params = new URLSearchParams({ project });
  if (status !== undefined) params.set('status', status);
  return `/apps?${params.toString()}`;
}
