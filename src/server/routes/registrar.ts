import fs from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accessErrors, CSRF_HEADER, type AccessRule } from '../../api/access.js';
import type { AuditAction } from '../../api/console/audit.js';
import type { QueryDefinition, QueryValues, RawQuery } from '../../api/query/queryDefinition.js';
import { isQueryError } from '../../api/query/queryDefinition.js';
import type { AppRoutePair, PathParams, ResponseSpec, RouteSpec } from '../../api/routeDefinition.js';
import { parsePathParams, toFastifyPath } from '../../api/routeDefinition.js';
import { routeTable } from '../../api/routes.js';
import { sparkErrors } from '../../api/spark/errors.js';
import { ApiError, badRequest, forbidden, notFound } from '../api/apiError.js';
import type { AppCatalog } from '../api/appCatalog.js';
import { CatalogView, projectOfApp } from '../api/catalogView.js';
import { RawJson } from '../api/sparkApi.js';
import { projectExists } from '../projects/projectSummaries.js';
import { StreamedJson } from '../api/streamedJson.js';
import { registerMethodNotAllowed } from './methodNotAllowed.js';
import type { AccessDirectory } from '../auth/accessDirectory.js';
import { AccessScope, type Principal, type ProjectFilter } from '../auth/accessScope.js';
import type { Authenticator } from '../auth/authenticator.js';
import type { CachedAnswer, ResponseCache } from '../http/responseCache.js';
import type { AccessDb } from '../store/accessDb.js';

/*
 * The one way a route gets into the server: from the contract's table, with its access rule enforced before
 * its handler runs. Identity is resolved once per request; project scoping is a filtered catalog view handed
 * to the handler, so a handler cannot see an application of a project its caller is not in.
 */

type AnyEntry = RouteSpec | AppRoutePair<string, QueryDefinition<any> | undefined, ResponseSpec>;
type ConcreteRoute<E> = E extends AppRoutePair<string, QueryDefinition<any> | undefined, ResponseSpec> ? E['withAttempt'] : E;

/** Path parameters of an entry; for an application sub-resource, `attemptId` is there only in its attempt form. */
export type ParamsOf<E> =
  E extends AppRoutePair<string, QueryDefinition<any> | undefined, ResponseSpec>
    ? Omit<PathParams<E['withAttempt']['path']>, 'attemptId'> & { attemptId?: string }
    : E extends RouteSpec
      ? PathParams<E['path']>
      : never;

export type QueryOfRoute<R> = R extends { query: QueryDefinition<infer P> } ? QueryValues<P> : Record<string, never>;

export interface RouteContext<E> {
  readonly params: ParamsOf<E>;
  readonly query: QueryOfRoute<ConcreteRoute<E>>;
  /** The request body, checked against the route's schema. */
  readonly body: unknown;
  /** The caller; undefined only on a public route called without credentials. */
  readonly caller: AccessScope | undefined;
  /** The applications the caller may see. */
  readonly view: CatalogView;
  readonly req: FastifyRequest;
  readonly reply: FastifyReply;
  audit(action: AuditAction, fields?: { project?: string | null; target?: string | null; detail?: string | null }): void;
}

/** A JSON route returns its answer (an object, or RawJson); the other kinds send it themselves and return the reply. */
export type RouteHandler<E> = (ctx: RouteContext<E>) => unknown;
export type HandlerTable<T> = { readonly [K in keyof T]: RouteHandler<T[K]> };

export interface RegistrarDeps {
  catalog: AppCatalog;
  directory: AccessDirectory;
  auth: Authenticator;
  accessDb: AccessDb;
  responses: ResponseCache;
}

const NOBODY: ProjectFilter = { key: '', canView: () => false };
const PROJECT_RULES = new Set<AccessRule>(['projectView', 'projectLogs', 'projectAdmin']);

function concreteRoutes(entry: AnyEntry): RouteSpec[] {
  return 'withAttempt' in entry ? [entry.withoutAttempt, entry.withAttempt] : [entry];
}

/**
 * Registers every route of the table. Each table must come with a handler per entry; a route of the contract
 * left without a handler, or without an access rule, stops the server from starting.
 */
export function registerRouteTables(app: FastifyInstance, deps: RegistrarDeps, tables: readonly [Record<string, AnyEntry>, Record<string, RouteHandler<any>>][]): void {
  const registered = new Set<RouteSpec>();
  for (const [entries, handlers] of tables) {
    for (const [name, entry] of Object.entries(entries)) {
      const handler = handlers[name];
      if (handler === undefined) throw new Error(`no handler for route ${name}`);
      for (const route of concreteRoutes(entry)) {
        if (!route.access) throw new Error(`route ${route.operationId} has no access rule`);
        registerOne(app, deps, route, handler);
        registered.add(route);
      }
    }
  }
  const missing = routeTable.filter((r) => !registered.has(r));
  if (missing.length > 0) throw new Error(`routes of the contract without a handler: ${missing.map((r) => r.operationId).join(', ')}`);
  registerMethodNotAllowed(app, routeTable);
}

function registerOne(app: FastifyInstance, deps: RegistrarDeps, route: RouteSpec, handler: RouteHandler<any>): void {
  app.route({
    method: route.method,
    url: toFastifyPath(route.path),
    handler: async (req, reply) => {
      const params = parsePathParams(route, req.params as Record<string, string>);
      // Spark's routes only match digits where it declares `\d+`: anything else is no route at all.
      if (params === undefined) throw new ApiError(404, 'Not Found');
      const caller = await identify(deps, route, req);
      // An application not listed yet may have a log the scan has not reached: look for it (signed-in callers only).
      const { appId, attemptId, attempt } = params as Record<string, unknown>;
      if (caller && typeof appId === 'string' && deps.catalog.application(appId) === undefined) {
        const anAttempt = attemptId ?? attempt;
        await deps.catalog.lookUp(appId, typeof anAttempt === 'string' && anAttempt !== '-' ? anAttempt : undefined);
      }
      if (caller) enforce(deps, route, caller, params as Record<string, unknown>, req);

      let query: RouteContext<any>['query'] = {};
      if (route.query !== undefined) {
        const parsed = route.query.parse(req.query as RawQuery);
        if (isQueryError(parsed)) throw badRequest(parsed.error);
        query = parsed;
      }
      let body: unknown;
      if (route.body !== undefined) {
        const parsed = route.body.safeParse(req.body ?? {});
        if (!parsed.success) {
          const first = parsed.error.issues[0]!;
          throw badRequest(`bad request body: ${first.path.join('.') || '(root)'}: ${first.message}`);
        }
        body = parsed.data;
      }

      const ctx: RouteContext<any> = {
        params,
        query,
        body,
        caller,
        view: new CatalogView(deps.catalog, caller ?? NOBODY),
        req,
        reply,
        audit: (action, fields = {}) =>
          deps.accessDb.audit({
            user: caller?.principal.name ?? '',
            action,
            project: fields.project ?? null,
            target: fields.target ?? null,
            address: req.ip,
            detail: fields.detail ?? (caller ? `via ${caller.principal.via}` : null),
          }),
      };
      const cacheKey = caller ? cacheKeyOf(deps, route, caller, params as Record<string, unknown>, req) : undefined;
      const cached = cacheKey === undefined ? undefined : deps.responses.get(cacheKey);
      if (cached) return sendCached(req, reply, cached);

      const result = await handler(ctx);
      if (route.response.kind !== 'json') return result;
      if (result instanceof StreamedJson) return reply.type('application/json').send(result.toStream());
      const text = result instanceof RawJson ? result.text : JSON.stringify(result);
      if (cacheKey !== undefined) return sendCached(req, reply, deps.responses.put(cacheKey, text));
      return reply.type('application/json').send(text);
    },
  });
}

/**
 * The cache key of a JSON answer about a finished application the caller may see: the request and the
 * versions of the application's stores. Answers about one application are the same for everyone allowed to
 * ask, so they are shared; running applications change too often to be worth it.
 */
function cacheKeyOf(deps: RegistrarDeps, route: RouteSpec, caller: AccessScope, params: Record<string, unknown>, req: FastifyRequest): string | undefined {
  if (route.method !== 'GET' || route.response.kind !== 'json' || typeof params.appId !== 'string' || route.readsAppLogFiles) return undefined;
  const app = deps.catalog.application(params.appId);
  if (!app || !caller.canView(projectOfApp(app))) return undefined;
  if (!app.attempts.every((a) => a.completed && a.state === 'ready' && a.dbFile)) return undefined;
  // The log as it is on disk now, not only as the last scan saw it: a log rewritten since must be read again.
  const versions: string[] = [];
  for (const a of app.attempts) {
    const st = fs.statSync(a.path, { throwIfNoEntry: false });
    if (!st) return undefined;
    versions.push(`${a.dbFile}@${a.parsedSize}:${a.parsedMtime}/${st.size}:${st.mtimeMs}`);
  }
  return `${req.url}\n${versions.join(';')}`;
}

function sendCached(req: FastifyRequest, reply: FastifyReply, answer: CachedAnswer): FastifyReply {
  reply.header('ETag', answer.etag).header('Cache-Control', 'private, no-cache').header('Vary', 'Accept-Encoding');
  if (req.headers['if-none-match'] === answer.etag) return reply.code(304).send();
  reply.type('application/json');
  const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (answer.gzip && acceptsGzip) return reply.header('Content-Encoding', 'gzip').send(answer.gzip);
  return reply.send(answer.body);
}

async function identify(deps: RegistrarDeps, route: RouteSpec, req: FastifyRequest): Promise<AccessScope | undefined> {
  let principal: Principal | undefined;
  try {
    principal = await deps.auth.identify(req);
  } catch (err) {
    // A public route answers anyone; stale credentials do not stop a sign-in.
    if (route.access !== 'public') throw err;
  }
  if (!principal) {
    if (route.access === 'public') return undefined;
    throw new ApiError(401, accessErrors.signInRequired(), challenge(req));
  }
  return new AccessScope(principal, deps.directory);
}

/**
 * Spark History Server clients and curl learn they may use Basic; the console's own pages (which send
 * x-csrf-token or ask for JSON from a page) get no challenge, so the browser shows no password dialog.
 */
function challenge(req: FastifyRequest): Record<string, string> {
  const fromConsolePage = req.headers['x-requested-with'] === 'spark-console';
  return fromConsolePage ? {} : { 'WWW-Authenticate': 'Basic realm="Spark Console", charset="UTF-8"' };
}

function enforce(deps: RegistrarDeps, route: RouteSpec, caller: AccessScope, params: Record<string, unknown>, req: FastifyRequest): void {
  if (route.access === 'public') return;
  const { principal } = caller;
  // A cookie is sent by the browser on its own; a state-changing call must also prove it came from our page.
  if (route.method !== 'GET' && principal.session && req.headers[CSRF_HEADER] !== principal.session.csrf) {
    throw forbidden(accessErrors.csrf());
  }
  if (route.access === 'consoleAdmin' && !principal.admin) throw forbidden(sparkErrors.notAuthorized(principal.name));
  if (!PROJECT_RULES.has(route.access)) return;
  const rule = route.access as 'projectView' | 'projectLogs' | 'projectAdmin';
  if (typeof params.project === 'string') {
    const project = params.project;
    if (!caller.canView(project) || !projectExists(deps.catalog, deps.directory, project)) throw notFound(`unknown project: ${project}`);
    if (!caller.allows(project, rule)) throw forbidden(sparkErrors.notAuthorized(principal.name));
    return;
  }
  if (typeof params.appId === 'string') {
    const app = deps.catalog.application(params.appId);
    // Unknown and invisible apps are left to the handler, whose view answers "unknown" in its own words.
    if (app && caller.canView(projectOfApp(app)) && !caller.allows(projectOfApp(app), rule)) {
      throw forbidden(sparkErrors.notAuthorized(principal.name));
    }
    return;
  }
  throw new Error(`route ${route.operationId} has a project rule but neither {project} nor {appId}`);
}
