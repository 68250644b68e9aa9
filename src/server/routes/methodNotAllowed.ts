import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parsePathParams, toFastifyPath, type RouteSpec } from '../../api/routeDefinition.js';
import { ApiError } from '../api/apiError.js';

/*
 * A path of the contract asked with a method none of its routes declares answers 405 with an `Allow` header,
 * as Spark's REST layer (Jersey) does, instead of the 404 of a path that does not exist. The path must still
 * match as a route would (numeric segments are digits), or it is no route at all: 404.
 */

/** The methods a client may try on any path; OPTIONS (CORS preflight, WADL in Jersey) stays unanswered. */
const PROBED: readonly string[] = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'QUERY'];

export function registerMethodNotAllowed(app: FastifyInstance, routes: readonly RouteSpec[]): void {
  const byPath = new Map<string, { route: RouteSpec; methods: Set<string> }>();
  for (const route of routes) {
    const entry = byPath.get(route.path) ?? { route, methods: new Set<string>() };
    entry.methods.add(route.method);
    // Fastify answers HEAD for every GET route.
    if (route.method === 'GET') entry.methods.add('HEAD');
    byPath.set(route.path, entry);
  }
  for (const [path, { route, methods }] of byPath) {
    const allow = PROBED.filter((m) => methods.has(m)).join(', ');
    const others = PROBED.filter((m) => !methods.has(m));
    const refuse = async (req: FastifyRequest) => {
      if (parsePathParams(route, req.params as Record<string, string>) === undefined) throw new ApiError(404, 'Not Found');
      throw new ApiError(405, 'Method Not Allowed', { Allow: allow });
    };
    // Refused on arrival, before any body is read (a QUERY without Content-Type would otherwise be a 400).
    app.route({ method: others, url: toFastifyPath(path), onRequest: refuse, handler: refuse });
  }
}
