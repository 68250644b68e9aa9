import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { ApiError } from './api/apiError.js';
import { AppCatalog } from './api/appCatalog.js';
import { SPARK_DEFAULT_REDACTION } from './api/redaction.js';
import { SECURITY_HEADERS } from './http/securityHeaders.js';
import { SparkApi } from './api/sparkApi.js';
import type { ServerConfig } from './config.js';
import { IngestCoordinator } from './ingest/ingestCoordinator.js';
import { AppLogFiles } from './logs/appLogFiles.js';
import fastifyCookie from '@fastify/cookie';
import { accessRoutes, consoleRoutes, runRoutes, sparkRoutes } from '../api/routes.js';
import { AccessDirectory } from './auth/accessDirectory.js';
import { seedAccess } from './auth/accessSeed.js';
import { ApiTokens } from './auth/apiTokens.js';
import { Authenticator } from './auth/authenticator.js';
import { FailureThrottle } from './auth/failureThrottle.js';
import { OidcSignIn } from './auth/oidcSignIn.js';
import { SessionStore } from './auth/sessionStore.js';
import { projectResolver } from './projects/projectOfLog.js';
import { ProjectUsage } from './projects/projectUsage.js';
import { accessHandlers } from './routes/accessHandlers.js';
import { consoleHandlers } from './routes/consoleHandlers.js';
import { runHandlers } from './routes/runHandlers.js';
import { registerRouteTables } from './routes/registrar.js';
import { sparkHandlers } from './routes/sparkHandlers.js';
import { ResponseCache } from './http/responseCache.js';
import { AccessDb } from './store/accessDb.js';
import { IndexDb } from './store/indexDb.js';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  ingest: IngestCoordinator;
  /** Set when this start created the first administrator: shown once, never stored in clear. */
  firstAdmin: { name: string; password: string; generated: boolean } | undefined;
  close(): Promise<void>;
}

/** How often users, projects and members are re-read (the command line may change them). */
const DIRECTORY_RELOAD_MS = 5_000;

/** Builds and starts the whole server: index, ingest workers, Spark REST, console API and the web UI. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const index = new IndexDb(path.join(config.dataDir, 'index.db'));
  const accessDb = new AccessDb(index.db);
  const firstAdmin = await seedAccess(accessDb, config.console, config.authMode === 'none' ? undefined : process.env);
  const directory = new AccessDirectory(accessDb);
  const sessions = new SessionStore(accessDb, config.session);
  const auth = new Authenticator(config.authMode, accessDb, directory, sessions, new ApiTokens(accessDb), new FailureThrottle());
  const oidc = config.console.oidc ? await OidcSignIn.discover(config.console.oidc, accessDb, directory) : undefined;
  const housekeeping = setInterval(() => {
    directory.reload();
    sessions.sweep();
  }, DIRECTORY_RELOAD_MS);
  housekeeping.unref();

  const ingest = new IngestCoordinator(config, index);
  const catalog = new AppCatalog(index, ingest, projectResolver(config.console.projects));
  const api = new SparkApi(SPARK_DEFAULT_REDACTION);

  // Spark's REST layer (Jersey) answers every /api/v1 path with a trailing slash too; so does every route here.
  const app = Fastify({
    logger: false,
    routerOptions: { maxParamLength: 1000, ignoreTrailingSlash: true },
    // A path that is not valid percent-encoding never reaches a route: a plain-text 400 like every other error.
    frameworkErrors: (err, _req, reply) => {
      // Answered before the onSend hook exists for it: the same safety headers, set here.
      void (reply as FastifyReply)
        .code(400)
        .headers({ 'Cache-Control': 'no-cache, no-store, must-revalidate', 'X-Content-Type-Options': 'nosniff' })
        .type('text/plain')
        .send(`Bad Request: ${err.message}`);
    },
  });
  await app.register(fastifyCookie);
  app.setErrorHandler((err: Error, req, reply) => {
    if (err instanceof ApiError) {
      // A store being rebuilt, a replay waiting for the disk: the client should simply ask again.
      if (err.status === 503 && !('Retry-After' in err.headers)) reply.header('Retry-After', '1');
      return reply.code(err.status).headers(err.headers).type('text/plain').send(err.message);
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return reply.code(status).type('text/plain').send(err.message);
    // The message may hold a server path or a piece of a log: it goes to the server's log, not to the client.
    console.error(`internal error on ${req.method} ${req.url}:`, err);
    return reply.code(500).type('text/plain').send('Internal error (details are in the server log)');
  });
  app.addHook('onSend', async (_req, reply) => {
    // Spark's UI sends these on every response; history must never be served stale from a cache.
    // (Answers with an entity tag may be kept, but are revalidated every time.)
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-cache, no-store, must-revalidate');
    reply.header('X-Content-Type-Options', 'nosniff');
    for (const [name, value] of SECURITY_HEADERS) reply.header(name, value);
  });

  const deps = { catalog, directory, auth, accessDb, responses: new ResponseCache() };
  registerRouteTables(app, deps, [
    [sparkRoutes, sparkHandlers(api)],
    [consoleRoutes, consoleHandlers(catalog, ingest, new AppLogFiles(config.appLogRoots))],
    [runRoutes, runHandlers(api)],
    [accessRoutes, accessHandlers({ ...deps, usage: new ProjectUsage(catalog), oidc })],
  ]);

  if (fs.existsSync(path.join(config.webDir, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt UI is served without a restart.
    await app.register(fastifyStatic, { root: config.webDir, prefix: '/', wildcard: true });
  }
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0]!;
    // Client-side routes of the single-page app get its shell; unknown API paths a plain 404.
    // Missing files (a stale asset chunk after a rebuild) stay 404s, so the browser does not run HTML as JS.
    // (Console routes under /apps/ may end in a dot-name, such as a driver.log viewer; they are app routes.)
    const isFile = !url.startsWith('/apps/') && (/\.[A-Za-z0-9]+$/.test(url) || url.startsWith('/assets/'));
    if (req.method === 'GET' && !url.startsWith('/api/') && url !== '/metrics' && !isFile && fs.existsSync(path.join(config.webDir, 'index.html'))) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).type('text/plain').send('Not Found');
  });

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  // Start ingest after listening: the listing answers while big logs are still being replayed.
  await ingest.start();

  return {
    app,
    url,
    ingest,
    firstAdmin,
    async close() {
      clearInterval(housekeeping);
      await app.close();
      await ingest.stop();
      catalog.close();
      index.close();
    },
  };
}
