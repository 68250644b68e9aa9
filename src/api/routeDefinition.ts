import type { z } from 'zod';
import { accessErrors, CSRF_HEADER, type AccessRule } from './access.js';
import type { QueryDefinition, QueryParams } from './query/queryDefinition.js';
import { sparkErrors } from './spark/errors.js';

/*
 * How a route of the contract is described. The route table (routes.ts) is built from these; the server
 * registers handlers from it (with its access rule), the OpenAPI document is generated from it, the typed
 * client builds URLs from it.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type AnyQuery = QueryDefinition<QueryParams>;

/** What a successful answer carries. */
export type ResponseSpec =
  | { readonly kind: 'json'; readonly schema: z.ZodType }
  /** A zip download (`Content-Disposition: attachment; filename=…`); `fileName` may contain `{param}`s. */
  | { readonly kind: 'zip'; readonly fileName: string; readonly contentType: ZipContentType }
  /** A file streamed as it is on disk (`Content-Disposition: attachment`), e.g. a driver or executor log. */
  | { readonly kind: 'download'; readonly contentType: string; readonly fileName: string }
  /**
   * Server-sent events: every event the stream sends, by its SSE event name, with the schema of its one
   * `data:` line (JSON). A client must be able to tell every event of the stream, so none may be left out.
   */
  | { readonly kind: 'eventStream'; readonly events: Readonly<Record<string, z.ZodType>> }
  /** A 302 to another page (single sign-on). */
  | { readonly kind: 'redirect' }
  /** Plain text (e.g. Prometheus metrics). */
  | { readonly kind: 'text'; readonly contentType: string };

export const json = <S extends z.ZodType>(schema: S) => ({ kind: 'json', schema }) as const;
/** The media type a zip goes out as: its own, except where Spark sends a generic one (event-log downloads). */
export type ZipContentType = 'application/zip' | 'application/octet-stream';
export const zip = (fileName: string, contentType: ZipContentType = 'application/zip') => ({ kind: 'zip', fileName, contentType }) as const;
export const download = (contentType: string, fileName: string) => ({ kind: 'download', contentType, fileName }) as const;
export const eventStream = <E extends Record<string, z.ZodType>>(events: E) => ({ kind: 'eventStream', events }) as const;
export const redirect = () => ({ kind: 'redirect' }) as const;
export const text = (contentType: string) => ({ kind: 'text', contentType }) as const;

/** A documented non-2xx answer; `body` is the exact plain text with `{param}` placeholders. */
export interface ErrorAnswer {
  readonly status: 400 | 401 | 403 | 404 | 409 | 416 | 429 | 503;
  readonly body: string;
  readonly when: string;
}

export interface RouteSpec<
  P extends string = string,
  Q extends AnyQuery | undefined = AnyQuery | undefined,
  R extends ResponseSpec = ResponseSpec,
> {
  /** Unique; also the OpenAPI operationId. */
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Who may call it (see access.ts); the registrar enforces it before the handler runs. */
  readonly access: AccessRule;
  /** OpenAPI-style template, e.g. `/api/v1/applications/{appId}/jobs/{jobId}` (see {@link toFastifyPath}). */
  readonly path: P;
  readonly query: Q;
  /** JSON request body of a POST/PUT, checked before the handler runs (400 with the first problem). */
  readonly body?: z.ZodType;
  readonly response: R;
  readonly summary: string;
  readonly description?: string;
  /** OpenAPI tag (groups operations in the docs). */
  readonly tag: string;
  /** Every documented error answer, including the 400s of bad query parameters. */
  readonly errors: readonly ErrorAnswer[];
  /**
   * The answer reads driver/executor log files, which change without the event log changing, so the
   * server never answers it from its per-application response cache.
   */
  readonly readsAppLogFiles?: true;
}

// ---------------------------------------------------------------------------------------------------------
// Path parameters. Their meaning is the same on every route, so they are described once, by name.

/** Spark's routes only match digits for these (`{jobId: \d+}`); anything else is "no route" (404). */
export const NUMERIC_PATH_PARAMS = ['jobId', 'stageId', 'stageAttemptId', 'rddId', 'executionId'] as const;
export type NumericPathParam = (typeof NUMERIC_PATH_PARAMS)[number];

export const PATH_PARAM_DESCRIPTIONS: Readonly<Record<string, string>> = {
  appId: 'Application id, e.g. `local-1422981780767` or `application_1553914137147_0018`.',
  attemptId: 'Attempt id of a multi-attempt application (YARN cluster mode), e.g. `1`.',
  jobId: 'Job id.',
  stageId: 'Stage id.',
  stageAttemptId: 'Stage attempt id (0 for the first attempt).',
  rddId: 'RDD id.',
  executionId: 'SQL execution id.',
  executorId: 'Executor id: `driver` or a number.',
  logType: 'Which log: `stdout` or `stderr` of an executor, or `driver.log` of the driver.',
  attempt: 'Attempt id, or `-` for an application without attempt ids.',
};

/** Names of the `{…}` segments of a path template, as a union type. */
export type PathParamName<P extends string> = P extends `${string}{${infer N}}${infer Rest}` ? N | PathParamName<Rest> : never;

/** Decoded path parameters of a route: numeric ones are numbers. */
export type PathParams<P extends string> = {
  [K in PathParamName<P>]: K extends NumericPathParam ? number : string;
};

const JAVA_INT_MAX = 2_147_483_647;

export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

/** `/api/v1/applications/{appId}` → `/api/v1/applications/:appId` (Fastify / find-my-way syntax). */
export function toFastifyPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

/**
 * Checks and converts the raw path parameters of a matched route. Returns undefined when a numeric
 * segment is not a Java Int (Spark has no such route, so the server should answer 404).
 */
export function parsePathParams<P extends string>(
  route: Pick<RouteSpec<P>, 'path'>,
  raw: Readonly<Record<string, string | undefined>>,
): PathParams<P> | undefined {
  const out: Record<string, string | number> = {};
  for (const name of pathParamNames(route.path)) {
    const text = raw[name];
    if (text === undefined || text === '') return undefined;
    if ((NUMERIC_PATH_PARAMS as readonly string[]).includes(name)) {
      if (!/^\d+$/.test(text)) return undefined;
      const n = Number(text);
      if (n > JAVA_INT_MAX) return undefined;
      out[name] = n;
    } else {
      out[name] = text;
    }
  }
  return out as PathParams<P>;
}

/** Fills a path template; values are URI-encoded (app ids are plain, but executor ids and future ids may not be). */
export function fillPath<P extends string>(path: P, values: PathParams<P>): string {
  const v = values as Record<string, string | number>;
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = v[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

// ---------------------------------------------------------------------------------------------------------
// Route constructors.

interface RouteInput<P extends string, Q extends AnyQuery | undefined, R extends ResponseSpec> {
  operationId: string;
  method?: HttpMethod;
  access: AccessRule;
  path: P;
  body?: z.ZodType;
  query?: Q;
  response: R;
  summary: string;
  description?: string;
  tag: string;
  errors?: readonly ErrorAnswer[];
  readsAppLogFiles?: true;
}

/**
 * The answers of the route's access rule. A project the caller may not view answers like an unknown one
 * (404, from the handler's own texts), so existence never leaks; 403 is for what the caller may see but not do.
 */
function accessRuleErrors(access: AccessRule, method: HttpMethod): ErrorAnswer[] {
  if (access === 'public') return [];
  const out: ErrorAnswer[] = [
    { status: 401, body: accessErrors.signInRequired(), when: 'not signed in, or the credentials are not valid' },
    // Credentials are checked on every call (Basic and tokens have no session), so the sign-in throttle answers here too.
    {
      status: 429,
      body: accessErrors.throttled('{seconds}'),
      when: 'credentials came from an address or for an account with too many recent failed sign-ins; `Retry-After` says when to try again',
    },
  ];
  const forbidden = {
    projectLogs: "the caller may view the application's project but not read its logs (viewer role)",
    projectAdmin: 'the caller may view the project but not manage it',
    consoleAdmin: 'the caller is not a console administrator',
  } as const;
  if (access in forbidden) out.push({ status: 403, body: sparkErrors.notAuthorized('{user}'), when: forbidden[access as keyof typeof forbidden] });
  // A cookie goes along on its own, so a browser session's state-changing call must prove it came from our page.
  if (method !== 'GET') out.push({ status: 403, body: accessErrors.csrf(), when: `a browser session's call without its \`${CSRF_HEADER}\` header` });
  return out;
}

/** Adds the 400 answers of the route's query parameters, so `errors` is the complete list. */
function queryErrors(query: AnyQuery | undefined): ErrorAnswer[] {
  if (query === undefined) return [];
  const out: ErrorAnswer[] = [];
  for (const [name, param] of Object.entries(query.params)) {
    const body = param.errorTemplate(name);
    if (body !== '') out.push({ status: 400, body, when: `\`${name}\` has a bad value` });
  }
  return out;
}

export function route<const P extends string, Q extends AnyQuery | undefined = undefined, const R extends ResponseSpec = ResponseSpec>(
  input: RouteInput<P, Q, R>,
): RouteSpec<P, Q, R> {
  const spec: RouteSpec<P, Q, R> = {
    operationId: input.operationId,
    method: input.method ?? 'GET',
    access: input.access,
    path: input.path,
    query: input.query as Q,
    ...(input.body === undefined ? {} : { body: input.body }),
    response: input.response,
    summary: input.summary,
    tag: input.tag,
    errors: [...queryErrors(input.query), ...accessRuleErrors(input.access, input.method ?? 'GET'), ...(input.errors ?? [])],
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.readsAppLogFiles ? { readsAppLogFiles: true as const } : {}),
  };
  return spec;
}

export const SPARK_API_PREFIX = '/api/v1';
export type AppBasePath = '/api/v1/applications/{appId}';
export type AttemptBasePath = '/api/v1/applications/{appId}/{attemptId}';

/**
 * A sub-resource of an application. Spark serves each one under both `applications/{appId}/…` and
 * `applications/{appId}/{attemptId}/…`, so this yields the two concrete routes.
 */
export interface AppRoutePair<S extends string, Q extends AnyQuery | undefined, R extends ResponseSpec> {
  readonly subPath: S;
  readonly withoutAttempt: RouteSpec<`${AppBasePath}${S}`, Q, R>;
  readonly withAttempt: RouteSpec<`${AttemptBasePath}${S}`, Q, R>;
}

interface AppRouteInput<S extends string, Q extends AnyQuery | undefined, R extends ResponseSpec>
  extends Omit<RouteInput<string, Q, R>, 'path'> {
  subPath: S;
  errors?: readonly ErrorAnswer[];
  /** When the attempt form answers differently (the logs zip is named after the attempt). */
  responseWithAttempt?: R;
}

/** Errors every per-application sub-resource can give (Spark's BaseAppResource). */
function appErrors(withAttempt: boolean): ErrorAnswer[] {
  return [
    {
      status: 404,
      body: withAttempt ? sparkErrors.noSuchApp('{appId}', '{attemptId}') : sparkErrors.noSuchApp('{appId}'),
      when: withAttempt ? "no such application attempt, or one of a project the caller is not in" : "no such application, or one of a project the caller is not in",
    },
  ];
}

export function appRoute<const S extends string, Q extends AnyQuery | undefined = undefined, const R extends ResponseSpec = ResponseSpec>(
  input: AppRouteInput<S, Q, R>,
): AppRoutePair<S, Q, R> {
  const { subPath, errors = [], responseWithAttempt, ...rest } = input;
  const base = `${SPARK_API_PREFIX}/applications/{appId}` as const;
  return {
    subPath,
    withoutAttempt: route<`${AppBasePath}${S}`, Q, R>({
      ...rest,
      path: `${base}${subPath}`,
      errors: [...appErrors(false), ...errors],
    }),
    withAttempt: route<`${AttemptBasePath}${S}`, Q, R>({
      ...rest,
      operationId: `${rest.operationId}ForAttempt`,
      path: `${base}/{attemptId}${subPath}`,
      summary: `${rest.summary} (one attempt)`,
      response: responseWithAttempt ?? rest.response,
      errors: [...appErrors(true), ...errors],
    }),
  };
}
