import type { z } from 'zod';
import { ApiError, ContractError } from './apiError.js';
import { CSRF_HEADER, type ProjectRole } from './access.js';
import type { CreateTokenRequest, CreateUserRequest, SignInRequest } from './console/accounts.js';
import { accessRoutes } from './console/accessRoutes.js';
import type { AppListQueryInput } from './console/appListQuery.js';
import type { AdminTokensQueryInput } from './console/adminTokens.js';
import type { AuditQueryInput } from './console/audit.js';
import type { LogChunkQueryInput, LogType } from './console/appLogs.js';
import type { TaskTableQueryInput } from './console/stageTasks.js';
import { APP_LOG_SEARCH_DONE_EVENT, APP_LOG_SEARCH_FILE_EVENT, type AppLogSearchDone, type AppLogSearchFile, type AppLogSearchQueryInput, type LogSearchQueryInput } from './console/logSearch.js';
import { consoleRoutes } from './console/consoleRoutes.js';
import { runRoutes } from './console/runRoutes.js';
import type { CompareQueryInput, RunListQueryInput } from './console/runs.js';
import type { AnyQuery, AppRoutePair, PathParams, ResponseSpec, RouteSpec } from './routeDefinition.js';
import { fillPath } from './routeDefinition.js';
import { sparkRoutes } from './routes.js';
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
 * Typed fetch client for the browser and Node 20. URLs, query encoding and response types all come from
 * the route table, so a client call cannot disagree with what the server registered.
 */

/** Addresses an application, or one attempt of it when `attemptId` is set. */
export interface AppRef {
  readonly appId: string;
  readonly attemptId?: string | undefined;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** Prefix of every URL: `''` in the browser (same origin), `http://host:18080` from Node. */
  baseUrl?: string;
  fetch?: FetchLike;
  /** Check every JSON answer against its schema and throw ContractError on mismatch (for dev and tests). */
  validate?: boolean;
  /** Told about every mismatch before it is thrown, so it can be reported where a developer looks. */
  onContractError?: (error: ContractError) => void;
  headers?: Readonly<Record<string, string>>;
}

/** Sent on every request: the server then answers 401 without a Basic challenge (no browser password dialog). */
export const REQUESTED_WITH_HEADER = 'X-Requested-With';
export const REQUESTED_WITH_VALUE = 'spark-console';

/** Per-call options; react-query passes `signal` to cancel superseded requests. */
export interface CallOptions {
  signal?: AbortSignal;
}

type JsonSchemaOf<R extends RouteSpec> = R['response'] extends { kind: 'json'; schema: infer S extends z.ZodType } ? S : never;
/** The answer type of a JSON route, inferred from its schema in the route table. */
export type ResponseOf<R extends RouteSpec> = z.infer<JsonSchemaOf<R>>;
/** For an application sub-resource, both forms answer the same type. */
export type AppResponseOf<P> = P extends AppRoutePair<string, AnyQuery | undefined, ResponseSpec> ? ResponseOf<P['withoutAttempt']> : never;

type Spark = typeof sparkRoutes;
type Access = typeof accessRoutes;

export interface SparkConsoleClient {
  version(opts?: CallOptions): Promise<ResponseOf<Spark['version']>>;
  applications(params?: ApplicationsQueryInput, opts?: CallOptions): Promise<ResponseOf<Spark['applications']>>;
  application(appId: string, opts?: CallOptions): Promise<ResponseOf<Spark['application']>>;
  applicationAttempt(app: Required<AppRef>, opts?: CallOptions): Promise<ResponseOf<Spark['applicationAttempt']>>;
  jobs(app: AppRef, params?: JobsQueryInput, opts?: CallOptions): Promise<AppResponseOf<Spark['jobs']>>;
  job(app: AppRef, jobId: number, opts?: CallOptions): Promise<AppResponseOf<Spark['job']>>;
  stages(app: AppRef, params?: StagesQueryInput, opts?: CallOptions): Promise<AppResponseOf<Spark['stages']>>;
  /** Every attempt of one stage. */
  stageAttempts(app: AppRef, stageId: number, params?: StageQueryInput, opts?: CallOptions): Promise<AppResponseOf<Spark['stageAttempts']>>;
  stage(app: AppRef, stageId: number, attemptId: number, params?: StageQueryInput, opts?: CallOptions): Promise<AppResponseOf<Spark['stage']>>;
  taskSummary(app: AppRef, stageId: number, attemptId: number, params?: TaskSummaryQueryInput, opts?: CallOptions): Promise<AppResponseOf<Spark['taskSummary']>>;
  taskList(app: AppRef, stageId: number, attemptId: number, params?: TaskListQueryInput, opts?: CallOptions): Promise<AppResponseOf<Spark['taskList']>>;
  executors(app: AppRef, opts?: CallOptions): Promise<AppResponseOf<Spark['executors']>>;
  allExecutors(app: AppRef, opts?: CallOptions): Promise<AppResponseOf<Spark['allExecutors']>>;
  miscProcesses(app: AppRef, opts?: CallOptions): Promise<AppResponseOf<Spark['miscProcesses']>>;
  rdds(app: AppRef, opts?: CallOptions): Promise<AppResponseOf<Spark['rdds']>>;
  rdd(app: AppRef, rddId: number, opts?: CallOptions): Promise<AppResponseOf<Spark['rdd']>>;
  environment(app: AppRef, opts?: CallOptions): Promise<AppResponseOf<Spark['environment']>>;
  sql(app: AppRef, params?: SqlListQueryInput, opts?: CallOptions): Promise<AppResponseOf<Spark['sqlList']>>;
  sqlExecution(app: AppRef, executionId: number, params?: SqlExecutionQueryInput, opts?: CallOptions): Promise<AppResponseOf<Spark['sqlExecution']>>;
  /** URL of the event-log zip (for a download link; the browser streams it). */
  logsUrl(app: AppRef): string;
  /** Console: paged application listing. */
  consoleApps(params?: AppListQueryInput, opts?: CallOptions): Promise<ResponseOf<(typeof consoleRoutes)['apps']>>;
  /** Console: distinct users, versions and projects for the list filters. */
  consoleFacets(opts?: CallOptions): Promise<ResponseOf<(typeof consoleRoutes)['facets']>>;
  /** Console: ingest status (pending replays, unreadable logs). */
  consoleStatus(opts?: CallOptions): Promise<ResponseOf<(typeof consoleRoutes)['status']>>;
  /** Console: URL for `new EventSource(url)` (see console/appChanges.ts for the protocol). */
  appChangesUrl(appId: string): string;
  /** Console: the driver and executor log files of an application. */
  appLogs(appId: string, opts?: CallOptions): Promise<ResponseOf<(typeof consoleRoutes)['appLogs']>>;
  /** Console: a byte range of one log (default: the last 100 KiB). */
  appLogChunk(appId: string, executorId: string, logType: LogType, params?: LogChunkQueryInput, opts?: CallOptions): Promise<ResponseOf<(typeof consoleRoutes)['appLogChunk']>>;
  /** Console: whole-file search of one log (total count and a page of matches with byte offsets). */
  appLogSearch(appId: string, executorId: string, logType: LogType, params: LogSearchQueryInput, opts?: CallOptions): Promise<ResponseOf<(typeof consoleRoutes)['appLogSearch']>>;
  /** Console: stage parents, RDD graphs and locality of every stage attempt (for DAGs). */
  stageGraph(app: AppRef, opts?: CallOptions): Promise<ResponseOf<(typeof consoleRoutes)['stageGraph']>>;
  /** Console: why the attempt failed or was slow (ranked findings). */
  diagnostics(app: AppRef, opts?: CallOptions): Promise<ResponseOf<(typeof consoleRoutes)['diagnostics']>>;
  /** Console: a stage attempt's tasks as columns (task timeline). */
  taskTimeline(app: AppRef, stageId: number, attemptId: number, opts?: CallOptions): Promise<ResponseOf<(typeof consoleRoutes)['taskTimeline']>>;
  /** Console: one page of a stage attempt's tasks, sorted on any task-table column and searched. */
  taskTable(app: AppRef, stageId: number, attemptId: number, params?: TaskTableQueryInput, opts?: CallOptions): Promise<ResponseOf<(typeof consoleRoutes)['taskTable']>>;
  /**
   * Console: searches every log of an application; `onFile` gets each log's count and first matches as the
   * server streams them, the promise the totals.
   */
  appLogsSearch(appId: string, params: AppLogSearchQueryInput, onFile: (file: AppLogSearchFile) => void, opts?: CallOptions): Promise<AppLogSearchDone>;
  /** Console: URL of the zip of every log of an application (driver, executors, event log). */
  appLogsZipUrl(appId: string): string;
  /** Console: URL downloading a whole log file. */
  appLogDownloadUrl(appId: string, executorId: string, logType: LogType): string;
  /** Console: a project's jobs (applications by name), costliest first. */
  projectJobs(project: string, opts?: CallOptions): Promise<ResponseOf<(typeof runRoutes)['projectJobs']>>;
  /** Console: the runs of the job an application is a run of, newest first. */
  appRuns(appId: string, params?: RunListQueryInput, opts?: CallOptions): Promise<ResponseOf<(typeof runRoutes)['appRuns']>>;
  /** Console: two runs side by side (default: the attempt and the previous run of its job). */
  compareRuns(app: AppRef, params?: CompareQueryInput, opts?: CallOptions): Promise<ResponseOf<(typeof runRoutes)['compare']>>;

  // Access: sessions, projects, people, tokens, audit. State-changing calls send the session's CSRF token.
  /** How a visitor may sign in (password, single sign-on). */
  signInOptions(opts?: CallOptions): Promise<ResponseOf<Access['signInOptions']>>;
  /** The signed-in user (401 when not signed in); remembers the session's CSRF token. */
  session(opts?: CallOptions): Promise<ResponseOf<Access['session']>>;
  /** Signs in with a password (sets the session cookie); remembers the new CSRF token. */
  signIn(body: SignInRequest, opts?: CallOptions): Promise<ResponseOf<Access['signIn']>>;
  /** Ends the session; forgets the CSRF token. */
  signOut(opts?: CallOptions): Promise<ResponseOf<Access['signOut']>>;
  /** The CSRF token the client sends (from the last session / signIn answer); '' when none. */
  csrfToken(): string;
  setCsrfToken(token: string): void;
  projects(opts?: CallOptions): Promise<ResponseOf<Access['projects']>>;
  project(project: string, opts?: CallOptions): Promise<ResponseOf<Access['project']>>;
  setMember(project: string, user: string, role: ProjectRole, opts?: CallOptions): Promise<ResponseOf<Access['setMember']>>;
  removeMember(project: string, user: string, opts?: CallOptions): Promise<ResponseOf<Access['removeMember']>>;
  tokens(opts?: CallOptions): Promise<ResponseOf<Access['tokens']>>;
  createToken(body: CreateTokenRequest, opts?: CallOptions): Promise<ResponseOf<Access['createToken']>>;
  revokeToken(tokenId: string, opts?: CallOptions): Promise<ResponseOf<Access['revokeToken']>>;
  /** Console administrators: every user with their projects. */
  adminUsers(opts?: CallOptions): Promise<ResponseOf<Access['users']>>;
  createUser(body: CreateUserRequest, opts?: CallOptions): Promise<ResponseOf<Access['createUser']>>;
  /** Console administrators: grant or remove a user's console-administrator flag. */
  setUserAdmin(user: string, admin: boolean, opts?: CallOptions): Promise<ResponseOf<Access['setUserAdmin']>>;
  /** Console administrators: set a user's password (ends that user's other sessions). */
  setUserPassword(user: string, password: string, opts?: CallOptions): Promise<ResponseOf<Access['setUserPassword']>>;
  /** Console administrators: every user's API tokens, newest first. */
  adminTokens(params?: AdminTokensQueryInput, opts?: CallOptions): Promise<ResponseOf<Access['adminTokens']>>;
  /** Names and display names of all users (to pick a member). */
  userDirectory(opts?: CallOptions): Promise<ResponseOf<Access['userDirectory']>>;
  /** Console administrators: the audit log, newest first. */
  audit(params?: AuditQueryInput, opts?: CallOptions): Promise<ResponseOf<Access['audit']>>;
}

/** Chooses the attempt-less or the attempt form of an application sub-resource. */
function pick<S extends string, Q extends AnyQuery | undefined, R extends ResponseSpec>(
  pair: AppRoutePair<S, Q, R>,
  app: AppRef,
): RouteSpec<string, Q, R> {
  return app.attemptId === undefined ? pair.withoutAttempt : pair.withAttempt;
}

function appValues(app: AppRef, extra: Record<string, string | number> = {}): Record<string, string | number> {
  return app.attemptId === undefined ? { appId: app.appId, ...extra } : { appId: app.appId, attemptId: app.attemptId, ...extra };
}

export function createClient(options: ClientOptions = {}): SparkConsoleClient {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  function url(r: RouteSpec, values: Record<string, string | number>, params?: object): string {
    const path = fillPath(r.path, values as PathParams<string>);
    const pairs = r.query !== undefined && params !== undefined ? r.query.encode(params) : [];
    const qs = new URLSearchParams(pairs).toString();
    return `${baseUrl}${path}${qs === '' ? '' : `?${qs}`}`;
  }

  let csrf = '';

  async function getJson<T>(r: RouteSpec, values: Record<string, string | number>, params: object | undefined, opts: CallOptions | undefined): Promise<T> {
    return call<T>(r, values, params, undefined, opts);
  }

  /** Any route of the table: GET, or POST/PUT/DELETE with an optional JSON body and the CSRF header. */
  async function call<T>(r: RouteSpec, values: Record<string, string | number>, params: object | undefined, payload: unknown, opts: CallOptions | undefined): Promise<T> {
    const target = url(r, values, params);
    const headers: Record<string, string> = { Accept: 'application/json', [REQUESTED_WITH_HEADER]: REQUESTED_WITH_VALUE, ...options.headers };
    const init: RequestInit = { method: r.method, headers };
    if (r.method !== 'GET') {
      if (csrf !== '') headers[CSRF_HEADER] = csrf;
      if (payload !== undefined) {
        headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(payload);
      }
    }
    if (opts?.signal !== undefined) init.signal = opts.signal;
    const res = await doFetch(target, init);
    if (!res.ok) throw new ApiError(res.status, await res.text(), target);
    let body: unknown;
    try {
      body = await res.json();
    } catch (e) {
      throw new ContractError(target, `not JSON (${(e as Error).message})`);
    }
    if (options.validate === true && r.response.kind === 'json') {
      const result = r.response.schema.safeParse(body);
      if (!result.success) {
        const problems = result.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
          .join('; ');
        const error = new ContractError(target, problems);
        options.onContractError?.(error);
        throw error;
      }
    }
    return body as T;
  }

  /** Keeps the CSRF token of a session answer. */
  const keepCsrf = <T extends { csrfToken: string }>(info: T): T => {
    csrf = info.csrfToken;
    return info;
  };

  const S = sparkRoutes;
  const A = accessRoutes;
  return {
    version: (opts) => getJson(S.version, {}, undefined, opts),
    applications: (params, opts) => getJson(S.applications, {}, params, opts),
    application: (appId, opts) => getJson(S.application, { appId }, undefined, opts),
    applicationAttempt: (app, opts) => getJson(S.applicationAttempt, appValues(app), undefined, opts),
    jobs: (app, params, opts) => getJson(pick(S.jobs, app), appValues(app), params, opts),
    job: (app, jobId, opts) => getJson(pick(S.job, app), appValues(app, { jobId }), undefined, opts),
    stages: (app, params, opts) => getJson(pick(S.stages, app), appValues(app), params, opts),
    stageAttempts: (app, stageId, params, opts) =>
      getJson(pick(S.stageAttempts, app), appValues(app, { stageId }), params, opts),
    stage: (app, stageId, stageAttemptId, params, opts) =>
      getJson(pick(S.stage, app), appValues(app, { stageId, stageAttemptId }), params, opts),
    taskSummary: (app, stageId, stageAttemptId, params, opts) =>
      getJson(pick(S.taskSummary, app), appValues(app, { stageId, stageAttemptId }), params, opts),
    taskList: (app, stageId, stageAttemptId, params, opts) =>
      getJson(pick(S.taskList, app), appValues(app, { stageId, stageAttemptId }), params, opts),
    executors: (app, opts) => getJson(pick(S.executors, app), appValues(app), undefined, opts),
    allExecutors: (app, opts) => getJson(pick(S.allExecutors, app), appValues(app), undefined, opts),
    miscProcesses: (app, opts) => getJson(pick(S.miscProcesses, app), appValues(app), undefined, opts),
    rdds: (app, opts) => getJson(pick(S.rdds, app), appValues(app), undefined, opts),
    rdd: (app, rddId, opts) => getJson(pick(S.rdd, app), appValues(app, { rddId }), undefined, opts),
    environment: (app, opts) => getJson(pick(S.environment, app), appValues(app), undefined, opts),
    sql: (app, params, opts) => getJson(pick(S.sqlList, app), appValues(app), params, opts),
    sqlExecution: (app, executionId, params, opts) =>
      getJson(pick(S.sqlExecution, app), appValues(app, { executionId }), params, opts),
    logsUrl: (app) => url(pick(S.logs, app), appValues(app)),
    consoleApps: (params, opts) => getJson(consoleRoutes.apps, {}, params, opts),
    consoleFacets: (opts) => getJson(consoleRoutes.facets, {}, undefined, opts),
    consoleStatus: (opts) => getJson(consoleRoutes.status, {}, undefined, opts),
    appChangesUrl: (appId) => url(consoleRoutes.appChanges, { appId }),
    appLogs: (appId, opts) => getJson(consoleRoutes.appLogs, { appId }, undefined, opts),
    appLogChunk: (appId, executorId, logType, params, opts) => getJson(consoleRoutes.appLogChunk, { appId, executorId, logType }, params, opts),
    appLogSearch: (appId, executorId, logType, params, opts) => getJson(consoleRoutes.appLogSearch, { appId, executorId, logType }, params, opts),
    stageGraph: (app, opts) => getJson(consoleRoutes.stageGraph, { appId: app.appId, attempt: app.attemptId ?? '-' }, undefined, opts),
    diagnostics: (app, opts) => getJson(consoleRoutes.diagnostics, { appId: app.appId, attempt: app.attemptId ?? '-' }, undefined, opts),
    taskTimeline: (app, stageId, attemptId, opts) =>
      getJson(consoleRoutes.taskTimeline, { appId: app.appId, attempt: app.attemptId ?? '-', stageId, stageAttemptId: attemptId }, undefined, opts),
    taskTable: (app, stageId, attemptId, params, opts) =>
      getJson(consoleRoutes.taskTable, { appId: app.appId, attempt: app.attemptId ?? '-', stageId, stageAttemptId: attemptId }, params, opts),
    appLogsSearch: async (appId, params, onFile, opts) => {
      const target = url(consoleRoutes.appLogsSearch, { appId }, params);
      const init: RequestInit = { headers: { Accept: 'text/event-stream', [REQUESTED_WITH_HEADER]: REQUESTED_WITH_VALUE, ...options.headers } };
      if (opts?.signal !== undefined) init.signal = opts.signal;
      const res = await doFetch(target, init);
      if (!res.ok || res.body === null) throw new ApiError(res.status, await res.text(), target);
      let done: AppLogSearchDone | undefined;
      await readServerSentEvents(res.body, (event, data) => {
        if (event === APP_LOG_SEARCH_FILE_EVENT) onFile(JSON.parse(data) as AppLogSearchFile);
        else if (event === APP_LOG_SEARCH_DONE_EVENT) done = JSON.parse(data) as AppLogSearchDone;
      });
      if (done === undefined) throw new ContractError(target, 'the search stream ended before its totals');
      return done;
    },
    appLogsZipUrl: (appId) => url(consoleRoutes.appLogsZip, { appId }),
    appLogDownloadUrl: (appId, executorId, logType) => url(consoleRoutes.appLogDownload, { appId, executorId, logType }),
    projectJobs: (project, opts) => getJson(runRoutes.projectJobs, { project }, undefined, opts),
    appRuns: (appId, params, opts) => getJson(runRoutes.appRuns, { appId }, params, opts),
    compareRuns: (app, params, opts) => getJson(runRoutes.compare, { appId: app.appId, attempt: app.attemptId ?? '-' }, params, opts),
    signInOptions: (opts) => getJson(A.signInOptions, {}, undefined, opts),
    session: async (opts) => keepCsrf(await getJson<ResponseOf<Access['session']>>(A.session, {}, undefined, opts)),
    signIn: async (body, opts) => keepCsrf(await call<ResponseOf<Access['signIn']>>(A.signIn, {}, undefined, body, opts)),
    signOut: async (opts) => {
      try {
        return await call<ResponseOf<Access['signOut']>>(A.signOut, {}, undefined, undefined, opts);
      } finally {
        csrf = '';
      }
    },
    csrfToken: () => csrf,
    setCsrfToken: (token) => {
      csrf = token;
    },
    projects: (opts) => getJson(A.projects, {}, undefined, opts),
    project: (project, opts) => getJson(A.project, { project }, undefined, opts),
    setMember: (project, user, role, opts) => call(A.setMember, { project, user }, undefined, { role }, opts),
    removeMember: (project, user, opts) => call(A.removeMember, { project, user }, undefined, undefined, opts),
    tokens: (opts) => getJson(A.tokens, {}, undefined, opts),
    createToken: (body, opts) => call(A.createToken, {}, undefined, body, opts),
    revokeToken: (tokenId, opts) => call(A.revokeToken, { tokenId }, undefined, undefined, opts),
    adminUsers: (opts) => getJson(A.users, {}, undefined, opts),
    createUser: (body, opts) => call(A.createUser, {}, undefined, body, opts),
    setUserAdmin: (user, admin, opts) => call(A.setUserAdmin, { user }, undefined, { admin }, opts),
    setUserPassword: (user, password, opts) => call(A.setUserPassword, { user }, undefined, { password }, opts),
    adminTokens: (params, opts) => getJson(A.adminTokens, {}, params, opts),
    userDirectory: (opts) => getJson(A.userDirectory, {}, undefined, opts),
    audit: (params, opts) => getJson(A.audit, {}, params, opts),
  };
}

/** Calls `onEvent` for each `event:`/`data:` message of a text/event-stream body, as it arrives. */
async function readServerSentEvents(body: ReadableStream<Uint8Array>, onEvent: (event: string, data: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  const flush = (block: string) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length > 0) onEvent(event, data.join('\n'));
  };
  for (;;) {
    const { value, done } = await reader.read();
    pending += decoder.decode(value, { stream: !done });
    for (let cut = pending.indexOf('\n\n'); cut >= 0; cut = pending.indexOf('\n\n')) {
      flush(pending.slice(0, cut));
      pending = pending.slice(cut + 2);
    }
    if (done) break;
  }
  if (pending.trim() !== '') flush(pending);
}
