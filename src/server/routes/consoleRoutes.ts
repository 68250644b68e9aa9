import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { APP_CHANGE_EVENT, APP_CHANGES_HEARTBEAT_MS, APP_COMPLETE_EVENT, APP_CHANGE_SCOPES, type AppChangeEvent } from '../../api/console/appChanges.js';
import { parseAppListQuery } from '../../api/console/appListQuery.js';
import { LOG_TYPES, type LogType, parseLogChunkQuery } from '../../api/console/appLogs.js';
import { sparkErrors } from '../../api/spark/errors.js';
import type { AppLogFiles } from '../logs/appLogFiles.js';
import { renderOpenApiDocument } from '../../api/openapi.js';
import type { AppFacets, ConsoleStatus } from '../../api/console/consoleMeta.js';
import type { RawQuery } from '../../api/query/queryDefinition.js';
import { isQueryError } from '../../api/query/queryDefinition.js';
import { badRequest, notFound } from '../api/apiError.js';
import type { AppCatalog } from '../api/appCatalog.js';
import { listApps } from '../api/consoleAppList.js';
import { stageGraph, taskTimeline } from '../api/consoleStageViews.js';
import type { IngestCoordinator, LogChange } from '../ingest/ingestCoordinator.js';
import { attachment } from '../http/contentDisposition.js';

/** The console's own API under /api/console (contract: src/api/console). */
export function registerConsoleRoutes(app: FastifyInstance, catalog: AppCatalog, ingest: IngestCoordinator, logs: AppLogFiles): void {
  const appProject = (appId: string) => {
    const entry = catalog.application(appId);
    if (!entry) throw notFound(sparkErrors.unknownApp(appId));
    return entry.attempts[0]!.project;
  };
  const logFile = (p: Record<string, string>) => {
    const project = appProject(p.appId!);
    const logType = p.logType as LogType;
    const file = LOG_TYPES.includes(logType) ? logs.resolve(p.appId!, project, p.executorId!, logType) : undefined;
    if (!file) throw notFound(`no ${p.logType} log for executor ${p.executorId}`);
    return file;
  };

  const attemptOf = async (p: Record<string, string>) => catalog.resolve(p.appId!, p.attempt === '-' ? undefined : p.attempt);

  app.get('/api/console/apps/:appId/attempts/:attempt/stage-graph', async (req) => {
    const a = await attemptOf(req.params as Record<string, string>);
    return stageGraph(a.store);
  });

  app.get('/api/console/apps/:appId/attempts/:attempt/stages/:stageId/:stageAttemptId/timeline', async (req) => {
    const p = req.params as Record<string, string>;
    const a = await attemptOf(p);
    const stageId = Number(p.stageId);
    const stageAttemptId = Number(p.stageAttemptId);
    if (!/^\d+$/.test(p.stageId!) || !/^\d+$/.test(p.stageAttemptId!) || !a.store.stage(stageId, stageAttemptId)) {
      throw notFound(sparkErrors.unknownStage(p.stageId!));
    }
    return taskTimeline(a.store, stageId, stageAttemptId);
  });

  app.get('/api/console/apps/:appId/logs', async (req) => {
    const { appId } = req.params as { appId: string };
    return { appId, files: logs.list(appId, appProject(appId)) };
  });

  app.get('/api/console/apps/:appId/logs/:executorId/:logType', async (req) => {
    const file = logFile(req.params as Record<string, string>);
    const q = parseLogChunkQuery(req.query as RawQuery);
    if (isQueryError(q)) throw badRequest(q.error);
    return logs.read(file, q.offset, q.length);
  });

  app.get('/api/console/apps/:appId/logs/:executorId/:logType/download', async (req, reply) => {
    const p = req.params as Record<string, string>;
    const file = logFile(p);
    return reply
      .type('text/plain; charset=utf-8')
      .header('Content-Disposition', attachment(`${p.appId}-${p.executorId}-${p.logType}`))
      .send(fs.createReadStream(file));
  });

  // The contract as OpenAPI 3.1: the same document CI compares with the committed openapi.json.
  const openApi = renderOpenApiDocument();
  app.get('/api/docs', async (_req, reply) => reply.type('application/json').send(openApi));

  app.get('/api/console/apps', async (req) => {
    const q = parseAppListQuery(req.query as RawQuery);
    if (isQueryError(q)) throw badRequest(q.error);
    return listApps(catalog.listItems(), q);
  });

  app.get('/api/console/facets', async (): Promise<AppFacets> => {
    const users = new Set<string>();
    const versions = new Set<string>();
    const projects = new Set<string>();
    for (const a of catalog.applications()) {
      for (const r of a.attempts) {
        if (r.sparkUser) users.add(r.sparkUser);
        if (r.sparkVersion) versions.add(r.sparkVersion);
        if (r.project) projects.add(r.project);
      }
    }
    const sorted = (s: Set<string>) => [...s].sort();
    return { users: sorted(users), versions: sorted(versions), projects: sorted(projects) };
  });

  app.get('/api/console/status', async (): Promise<ConsoleStatus> => ({
    pendingReplays: ingest.pendingCount,
    lastScanAt: ingest.lastScanAt,
    applications: catalog.applications().length,
    unreadableLogs: catalog.unreadable().map((r) => ({ key: r.key, project: r.project, error: r.error ?? 'no SparkListenerApplicationStart with an App ID' })),
  }));

  let revision = 0;
  /** Server-sent events for one application: a `change` per landed replay, `complete` once it has ended. */
  app.get('/api/console/apps/:appId/changes', (req, reply) => {
    const { appId } = req.params as { appId: string };
    if (!catalog.application(appId)) throw notFound(`unknown app: ${appId}`);
    reply.hijack();
    reply.raw.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-store, must-revalidate',
      Connection: 'keep-alive',
    });
    reply.raw.write(': connected\n\n');
    const onChange = (c: LogChange) => {
      if (c.appId !== appId) return;
      const entry = catalog.application(appId);
      const newest = entry?.attempts[0];
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
  });
}
