import type { AppChangeEvent, AppChangeScope } from './console/appChanges.js';
import type { AppListQueryInput } from './console/appListQuery.js';
import type { AdminTokensQueryInput } from './console/adminTokens.js';
import type { AuditQueryInput } from './console/audit.js';
import type { LogChunkQueryInput } from './console/appLogs.js';
import type { CompareQueryInput, RunListQueryInput } from './console/runs.js';
import type { TaskTableQueryInput } from './console/stageTasks.js';
import type { AppRef } from './client.js';
import type {
  ApplicationsQueryInput,
  JobsQueryInput,
  SqlExecutionQueryInput,
  SqlListQueryInput,
  StageQueryInput,
  StagesQueryInput,
  TaskListQueryInput,
  TaskSummaryQueryInput,
} from './spark/queries.js';

/*
 * Query-key factories for @tanstack/react-query, mirroring the resource tree
 * (app → jobs / stages → stage(id, attempt) → tasks). Keys are arrays whose prefixes are the parents, so
 * `invalidateQueries({ queryKey: appKeys.app(app).key })` refreshes everything of that application, and
 * `appKeys.app(app).stages()` (empty params) matches every stages query of the app, because react-query
 * matches object parts of a key partially.
 */

const ROOT = 'spark-console';

/** Drops undefined values so `{ status: undefined }` and `{}` give the same key. */
function clean<T extends object>(params: T | undefined): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined) out[k] = v;
  return out as T;
}

function stageScope(appKey: readonly unknown[], stageId: number, attemptId: number) {
  const key = [...appKey, 'stage', stageId, attemptId] as const;
  return {
    key,
    detail: (params?: StageQueryInput) => [...key, 'detail', clean(params)] as const,
    taskSummary: (params?: TaskSummaryQueryInput) => [...key, 'taskSummary', clean(params)] as const,
    tasks: (params?: TaskListQueryInput) => [...key, 'tasks', clean(params)] as const,
    /** Console: one page of the task table. */
    taskTable: (params?: TaskTableQueryInput) => [...key, 'tasks', 'table', clean(params)] as const,
    /** Console: the attempt's tasks as timeline columns. */
    timeline: () => [...key, 'timeline'] as const,
  };
}

function appScope(app: AppRef) {
  // null marks "no attempt id" so the attempt slot is always present and prefixes stay aligned.
  const key = [ROOT, 'v1', 'app', app.appId, app.attemptId ?? null] as const;
  return {
    key,
    /** `applications/{appId}/{attemptId}` (ApplicationAttemptInfo). */
    attemptInfo: () => [...key, 'attemptInfo'] as const,
    jobs: (params?: JobsQueryInput) => [...key, 'jobs', clean(params)] as const,
    job: (jobId: number) => [...key, 'job', jobId] as const,
    stages: (params?: StagesQueryInput) => [...key, 'stages', clean(params)] as const,
    /** Console: stage parents, RDD graphs and locality (under `stages`, so stage changes refresh it). */
    stageGraph: () => [...key, 'stages', 'graph'] as const,
    /** Console: diagnostics findings (under `stages`, so stage and task changes refresh them). */
    diagnostics: () => [...key, 'stages', 'diagnostics'] as const,
    /** Every attempt of one stage (`stages/{stageId}`). */
    stageAttempts: (stageId: number, params?: StageQueryInput) => [...key, 'stage', stageId, 'all', clean(params)] as const,
    stage: (stageId: number, attemptId: number) => stageScope(key, stageId, attemptId),
    executors: () => [...key, 'executors', 'active'] as const,
    allExecutors: () => [...key, 'executors', 'all'] as const,
    miscProcesses: () => [...key, 'executors', 'misc'] as const,
    rdds: () => [...key, 'storage', 'list'] as const,
    rdd: (rddId: number) => [...key, 'storage', 'rdd', rddId] as const,
    environment: () => [...key, 'environment'] as const,
    sql: (params?: SqlListQueryInput) => [...key, 'sql', 'list', clean(params)] as const,
    sqlExecution: (executionId: number, params?: SqlExecutionQueryInput) =>
      [...key, 'sql', 'execution', executionId, clean(params)] as const,
  };
}

/** Keys of the Spark-compatible resources (`/api/v1`). */
export const appKeys = {
  all: [ROOT, 'v1'] as const,
  version: () => [ROOT, 'v1', 'version'] as const,
  list: (params?: ApplicationsQueryInput) => [ROOT, 'v1', 'applications', clean(params)] as const,
  /** `applications/{appId}` (ApplicationInfo with every attempt). */
  application: (appId: string) => [ROOT, 'v1', 'application', appId] as const,
  /** Prefix of everything of one application, all attempts. */
  appAllAttempts: (appId: string) => [ROOT, 'v1', 'app', appId] as const,
  app: appScope,
};

/** Keys of the console's own API (`/api/console`). */
export const consoleKeys = {
  all: [ROOT, 'console'] as const,
  apps: (params?: AppListQueryInput) => [ROOT, 'console', 'apps', clean(params)] as const,
  facets: () => [ROOT, 'console', 'facets'] as const,
  appLogs: (appId: string) => [ROOT, 'console', 'logs', appId] as const,
  appLogChunk: (appId: string, executorId: string, logType: string, params?: LogChunkQueryInput) =>
    [ROOT, 'console', 'logs', appId, executorId, logType, clean(params)] as const,
  status: () => [ROOT, 'console', 'status'] as const,
  /** A project's jobs; the runs of an app's job; a comparison of two runs (issue 14). */
  projectJobs: (project: string) => [ROOT, 'console', 'runs', 'jobs', project] as const,
  appRuns: (appId: string, params?: RunListQueryInput) => [ROOT, 'console', 'runs', 'app', appId, clean(params)] as const,
  compare: (app: AppRef, params?: CompareQueryInput) => [ROOT, 'console', 'runs', 'compare', app.appId, app.attemptId ?? null, clean(params)] as const,
};

/** Keys of the access API: the session, projects, people, tokens and the audit log. */
export const accessKeys = {
  all: [ROOT, 'access'] as const,
  session: () => [ROOT, 'access', 'session'] as const,
  signInOptions: () => [ROOT, 'access', 'signInOptions'] as const,
  /** Prefix of the project list and every project. */
  projectsAll: () => [ROOT, 'access', 'projects'] as const,
  projects: () => [ROOT, 'access', 'projects', 'list'] as const,
  project: (project: string) => [ROOT, 'access', 'projects', 'one', project] as const,
  /** The caller's own tokens; also the prefix of the administrator's token pages (a revocation changes both). */
  tokens: () => [ROOT, 'access', 'tokens'] as const,
  adminTokens: (params?: AdminTokensQueryInput) => [ROOT, 'access', 'tokens', 'admin', clean(params)] as const,
  /** Prefix of the admin user list and the user directory (both change when a user is created). */
  usersAll: () => [ROOT, 'access', 'users'] as const,
  adminUsers: () => [ROOT, 'access', 'users', 'admin'] as const,
  userDirectory: () => [ROOT, 'access', 'users', 'directory'] as const,
  audit: (params?: AuditQueryInput) => [ROOT, 'access', 'audit', clean(params)] as const,
};

/** The query-key prefixes to invalidate for one change scope of an application. */
function prefixesFor(app: AppRef, scope: AppChangeScope): (readonly unknown[])[] {
  const a = appKeys.app(app);
  switch (scope) {
    case 'app':
      return [a.attemptInfo(), appKeys.application(app.appId), appKeys.list(), consoleKeys.apps()];
    case 'jobs':
      return [[...a.key, 'jobs'], [...a.key, 'job']];
    case 'stages':
      return [[...a.key, 'stages'], [...a.key, 'stage']];
    case 'tasks':
      // Task lists and summaries live under their stage; stage details embed tasks too.
      return [[...a.key, 'stage']];
    case 'executors':
      return [[...a.key, 'executors']];
    case 'storage':
      return [[...a.key, 'storage']];
    case 'environment':
      return [a.environment()];
    case 'sql':
      return [[...a.key, 'sql']];
  }
}

/** Keys to pass to `queryClient.invalidateQueries({ queryKey })` when an AppChangeEvent arrives. */
export function keysForChange(event: Pick<AppChangeEvent, 'appId' | 'attemptId' | 'scopes'>): (readonly unknown[])[] {
  const app: AppRef = { appId: event.appId, attemptId: event.attemptId };
  const out: (readonly unknown[])[] = [];
  const seen = new Set<string>();
  for (const scope of event.scopes) {
    for (const key of prefixesFor(app, scope)) {
      const id = JSON.stringify(key);
      if (!seen.has(id)) {
        seen.add(id);
        out.push(key);
      }
    }
  }
  return out;
}
