import type { ServerResponse } from 'node:http';
import { APP_CHANGE_EVENT, APP_CHANGE_SCOPES, APP_CHANGES_HEARTBEAT_MS, APP_COMPLETE_EVENT, type AppChangeEvent } from '../../api/console/appChanges.js';
import { LOG_TYPES, type LogType } from '../../api/console/appLogs.js';
import type { consoleRoutes } from '../../api/console/consoleRoutes.js';
import type { AppFacets, ConsoleStatus } from '../../api/console/consoleMeta.js';
import { renderOpenApiDocument } from '../../api/openapi.js';
import { sparkErrors } from '../../api/spark/errors.js';
import { badRequest, notFound } from '../api/apiError.js';
import type { AppCatalog } from '../api/appCatalog.js';
import type { CatalogView } from '../api/catalogView.js';
import { listApps } from '../api/consoleAppList.js';
import { appDiagnostics } from '../diagnostics/appDiagnostics.js';
import { stageGraph, taskTimeline } from '../api/consoleStageViews.js';
import { taskTablePage } from '../api/consoleTaskTable.js';
import { RawJson } from '../api/sparkApi.js';
import { sendBytesAsOfNow } from '../http/fileDownload.js';
import type { IngestCoordinator, LogChange } from '../ingest/ingestCoordinator.js';
import { openDescriptors } from '../openDescriptors.js';
import type { AppLogFiles } from '../logs/appLogFiles.js';
import { streamAppLogsSearch } from '../logs/appLogsSearch.js';
import { LogSearcher } from '../logs/boundedSearch.js';
import { compilePattern, PatternError, type CompiledPattern, type SearchSpec } from '../logs/searchPattern.js';
import { appLogsZipEntries, sendAppLogsZip } from './appLogsZip.js';
import { prometheusMetrics } from './prometheusMetrics.js';
import type { HandlerTable } from './registrar.js';

/** The project of an app the caller may see, or Spark's 404 for one they may not (or that does not exist). */
function visibleProject(view: CatalogView, appId: string): string {
  const entry = view.application(appId);
  if (!entry) throw notFound(sparkErrors.unknownApp(appId));
  return entry.attempts[0]!.project ?? '';
}

/** The search's pattern, or a 400 with what is wrong with it. */
function compileOr400(spec: SearchSpec): CompiledPattern {
  try {
    return compilePattern(spec);
  } catch (err) {
    if (err instanceof PatternError) throw badRequest(err.message);
    throw err;
  }
}

/** A signal that fires when the client goes away, so a long scan stops with it. */
function abortOnClose(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new Error('client closed the request'));
  });
  return controller.signal;
}

/** The console's own API under /api/console (contract: src/api/console). */
export function consoleHandlers(catalog: AppCatalog, ingest: IngestCoordinator, logs: AppLogFiles, searcher = new LogSearcher()): HandlerTable<typeof consoleRoutes> {
  const logFile = (view: CatalogView, p: { appId: string; executorId: string; logType: string }) => {
    const project = visibleProject(view, p.appId);
    const logType = p.logType as LogType;
    const log = LOG_TYPES.includes(logType) ? logs.resolve(p.appId, project, p.executorId, logType) : undefined;
    if (!log) throw notFound(`no ${p.logType} log for executor ${p.executorId}`);
    return { log, project };
  };
  const attemptOf = (view: CatalogView, p: { appId: string; attempt: string }) => view.resolve(p.appId, p.attempt === '-' ? undefined : p.attempt);
  // The contract as OpenAPI 3.1: the same document CI compares with the committed openapi.json.
  // Rendered on its first request, not at start: a restart's first answers do not wait for it.
  let openApi: RawJson | undefined;
  let revision = 0;

  return {
    docs: () => (openApi ??= new RawJson(renderOpenApiDocument())),
    metrics: (ctx) => ctx.reply.type('text/plain; version=0.0.4').send(prometheusMetrics(ctx.view, catalog, ingest)),

    stageGraph: async (ctx) => stageGraph((await attemptOf(ctx.view, ctx.params)).store),
    diagnostics: async (ctx) => {
      const a = await attemptOf(ctx.view, ctx.params);
      return appDiagnostics(a.store, a.row.startTime, a.row.completed ? a.row.endTime : undefined);
    },
    taskTimeline: async (ctx) => {
      const { stageId, stageAttemptId } = ctx.params;
      const a = await attemptOf(ctx.view, ctx.params);
      if (!a.store.stage(stageId, stageAttemptId)) throw notFound(sparkErrors.unknownStage(stageId));
      return taskTimeline(a.store, stageId, stageAttemptId);
    },
    taskTable: async (ctx) => {
      const { stageId, stageAttemptId } = ctx.params;
      const a = await attemptOf(ctx.view, ctx.params);
      if (!a.store.stage(stageId, stageAttemptId)) throw notFound(sparkErrors.unknownStage(stageId));
      return taskTablePage(a, stageId, stageAttemptId, ctx.query);
    },

    appLogs: (ctx) => ({ appId: ctx.params.appId, files: logs.list(ctx.params.appId, visibleProject(ctx.view, ctx.params.appId)) }),
    appLogChunk: (ctx) => {
      const { log } = logFile(ctx.view, ctx.params);
      return logs.read(log, ctx.query.offset, ctx.query.length);
    },
    appLogsZip: (ctx) => {
      const { appId } = ctx.params;
      const project = visibleProject(ctx.view, appId);
      const entries = appLogsZipEntries(logs, appId, project, ctx.view.application(appId)?.attempts ?? []);
      ctx.audit('logDownload', { project, target: `${appId}/*`, detail: `all logs, ${entries.length} entries` });
      return sendAppLogsZip(ctx.reply, entries, appId);
    },
    appLogsSearch: (ctx) => {
      const { appId } = ctx.params;
      const project = visibleProject(ctx.view, appId);
      const { q, regex, matchCase, perFile } = ctx.query;
      const spec = { q, regex, matchCase };
      const pattern = compileOr400(spec);
      const { reply, req } = ctx;
      if (req.method === 'HEAD') return reply.type('text/event-stream').send('');
      const signal = abortOnClose(reply.raw);
      reply.hijack();
      reply.raw.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-store, must-revalidate' });
      const write = (chunk: string) => void reply.raw.write(chunk);
      void streamAppLogsSearch(logs.logs(appId, project), searcher, spec, pattern, perFile, write, signal)
        .catch(() => undefined)
        .finally(() => reply.raw.end());
      return reply;
    },
    appLogSearch: async (ctx) => {
      const { log } = logFile(ctx.view, ctx.params);
      const { q, regex, matchCase, from, direction, limit } = ctx.query;
      const spec = { q, regex, matchCase };
      return searcher.search(log, spec, compileOr400(spec), { from, direction, limit }, abortOnClose(ctx.reply.raw));
    },
    appLogDownload: (ctx) => {
      const p = ctx.params;
      const { log, project } = logFile(ctx.view, p);
      ctx.audit('logDownload', { project, target: `${p.appId}/${p.executorId}/${p.logType}` });
      return sendBytesAsOfNow(ctx.req, ctx.reply, log, 'text/plain; charset=utf-8', `${p.appId}-${p.executorId}-${p.logType}`);
    },

    apps: (ctx) => listApps(ctx.view.listItems(), ctx.query),
    facets: (ctx): AppFacets => {
      const users = new Set<string>();
      const versions = new Set<string>();
      const projects = new Set<string>();
      for (const a of ctx.view.applications()) {
        for (const r of a.attempts) {
          if (r.sparkUser) users.add(r.sparkUser);
          if (r.sparkVersion) versions.add(r.sparkVersion);
          if (r.project) projects.add(r.project);
        }
      }
      const sorted = (s: Set<string>) => [...s].sort();
      return { users: sorted(users), versions: sorted(versions), projects: sorted(projects) };
    },
    status: (ctx): ConsoleStatus => ({
      // The ingest queue is exact but global; others count the pending rows of their projects.
      pendingReplays: ctx.view.filter.key === '*' ? ingest.pendingCount : ctx.view.pendingReplays(),
      lastScanAt: ingest.lastScanAt,
      applications: ctx.view.applications().length,
      unreadableLogs: ctx.view
        .unreadable()
        .map((r) => ({ key: r.key, project: r.project, error: r.error ?? 'no SparkListenerApplicationStart with an App ID' })),
      skippedLines: ctx.view.skippedLines(),
      // The machine's health is the operators': only a console administrator sees it.
      ...(ctx.caller?.principal.admin
        ? {
            rootErrors: ingest.rootErrors,
            ...(ingest.lastScanError === undefined ? {} : { lastScanError: ingest.lastScanError }),
            retryingReplays: ingest.retryingCount,
            openStores: catalog.storePool.size,
            maxOpenStores: catalog.storePool.limit,
            // Undefined (left out of the answer) where the platform cannot list them.
            openDescriptors: openDescriptors(),
          }
        : {}),
    }),

    /** Server-sent events for one application: a `change` per landed replay, `complete` once it has ended. */
    appChanges: (ctx) => {
      const { appId } = ctx.params;
      visibleProject(ctx.view, appId);
      const { reply, req, view } = ctx;
      // HEAD learns the stream's headers; it must not open a stream that never ends.
      if (req.method === 'HEAD') return reply.type('text/event-stream').send('');
      reply.hijack();
      reply.raw.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache, no-store, must-revalidate',
        Connection: 'keep-alive',
      });
      reply.raw.write(': connected\n\n');
      const onChange = (c: LogChange) => {
        if (c.appId !== appId) return;
        const newest = view.application(appId)?.attempts[0];
        const event: AppChangeEvent = { appId, revision: ++revision, at: Date.now(), scopes: [...APP_CHANGE_SCOPES] };
        if (newest?.attemptId) event.attemptId = newest.attemptId;
        const name = newest?.completed ? APP_COMPLETE_EVENT : APP_CHANGE_EVENT;
        reply.raw.write(`event: ${name}\nid: ${event.revision}\ndata: ${JSON.stringify(event)}\n\n`);
        if (name === APP_COMPLETE_EVENT) reply.raw.end();
      };
      ingest.on('change', onChange);
      const ping = setInterval(() => reply.raw.write(': ping\n\n'), APP_CHANGES_HEARTBEAT_MS);
      const cleanup = () => {
        clearInterval(ping);
        ingest.off('change', onChange);
      };
      reply.raw.on('close', cleanup);
      req.raw.on('close', cleanup);
      return reply;
    },
  };
}
