import { z } from 'zod';
import { componentSchemas } from './components.js';
import type { QueryParam } from './query/queryParam.js';
import {
  NUMERIC_PATH_PARAMS,
  PATH_PARAM_DESCRIPTIONS,
  pathParamNames,
  type ErrorAnswer,
  type RouteSpec,
} from './routeDefinition.js';
import { routeTable } from './routes.js';

/*
 * Builds the OpenAPI 3.1 document from the route table and the zod schemas (z.toJSONSchema). The output is
 * deterministic: paths and components are sorted by name; inside a schema, properties keep Spark's field
 * order, which is itself documentation. The committed /openapi.json must deep-equal this (test/api).
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: JsonObject;
  tags: JsonObject[];
  paths: { [path: string]: JsonObject };
  components: { schemas: { [name: string]: JsonObject }; securitySchemes: { [name: string]: JsonObject } };
  security: JsonObject[];
}

export const OPENAPI_INFO = {
  title: 'Spark Console API',
  /** Version of the contract, not of the package: bump when the document changes meaning. */
  version: '1.0.0',
  description:
    "`/api/v1` is Apache Spark 3.5's History Server REST API, answer for answer (JSON shapes, defaults, " +
    'plain-text errors). `/api/console` is the console\'s own API. Every bad query parameter gets 400 with a ' +
    "plain-text reason (Spark's own text where it has one).",
} as const;

const TAGS: readonly [name: string, description: string][] = [
  ['meta', 'Server information'],
  ['applications', 'Applications and attempts'],
  ['jobs', 'Jobs'],
  ['stages', 'Stage attempts'],
  ['tasks', 'Tasks of a stage attempt'],
  ['executors', 'Driver, executors and other processes'],
  ['storage', 'Cached RDDs'],
  ['environment', 'Runtime and configuration'],
  ['sql', 'SQL / DataFrame executions'],
  ['logs', 'Event-log download'],
  ['console', "The console's own API"],
  ['access', 'Sign-in, sessions and personal API tokens'],
  ['projects', 'MaxCompute projects and their members'],
  ['admin', 'Console administration: users and the audit log'],
];

const COMPONENT_PREFIX = '#/components/schemas/';
const JAVA_INT_MAX = 2_147_483_647;

/** Cleans zod's output of noise that carries no information for an API reader. */
function tidy(ctx: { jsonSchema: Record<string, unknown> }): void {
  const s = ctx.jsonSchema;
  // z.int() states the JS safe-integer range; Spark's Ints and Longs need no such bound in the docs.
  if (s.type === 'integer' && s.minimum === Number.MIN_SAFE_INTEGER) delete s.minimum;
  if (s.type === 'integer' && s.maximum === Number.MAX_SAFE_INTEGER) delete s.maximum;
  // Every JSON object key is a string; zod says so explicitly for records.
  const names = s.propertyNames as Record<string, unknown> | undefined;
  if (names && Object.keys(names).length === 1 && names.type === 'string') delete s.propertyNames;
}

function stripRootKeys(schema: Record<string, unknown>): JsonObject {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest as JsonObject;
}

function sortedObject<T>(entries: [string, T][]): { [key: string]: T } {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Converts every named component plus each route's own wrapper schema (e.g. an array of JobData) in one pass. */
function convertSchemas(routes: readonly RouteSpec[]) {
  const registry = z.registry<{ id: string }>();
  const names = new Map<z.ZodType, string>();
  for (const [name, schema] of Object.entries(componentSchemas)) {
    registry.add(schema, { id: name });
    names.set(schema, name);
  }
  /** The id a schema is converted under: its component name, else `fallback` (inlined where it is used). */
  const idOf = (schema: z.ZodType, fallback: string): string => {
    const known = names.get(schema);
    if (known !== undefined) return known;
    registry.add(schema, { id: fallback });
    return fallback;
  };
  const routeSchemaIds = new Map<RouteSpec, string>();
  const bodySchemaIds = new Map<RouteSpec, string>();
  const eventSchemaIds = new Map<RouteSpec, [event: string, id: string][]>();
  // A request body is what a client may send, so it is described as zod reads it (io: input): fields with a
  // default are optional and unknown keys (stripped) are allowed. Answers are described as they are sent.
  const bodyRegistry = z.registry<{ id: string }>();
  for (const [name, schema] of Object.entries(componentSchemas)) bodyRegistry.add(schema, { id: name });
  routes.forEach((r, i) => {
    if (r.body !== undefined) {
      const id = names.get(r.body) ?? `__body${i}`;
      if (!names.has(r.body)) bodyRegistry.add(r.body, { id });
      bodySchemaIds.set(r, id);
    }
    if (r.response.kind === 'json') routeSchemaIds.set(r, idOf(r.response.schema, `__route${i}`));
    if (r.response.kind === 'eventStream') {
      eventSchemaIds.set(r, Object.entries(r.response.events).map(([event, schema], k) => [event, idOf(schema, `__route${i}_${k}`)]));
    }
  });
  const uri = (id: string) => `${COMPONENT_PREFIX}${id}`;
  const { schemas } = z.toJSONSchema(registry, { uri, override: tidy });
  const { schemas: bodySchemas } = z.toJSONSchema(bodyRegistry, { uri, override: tidy, io: 'input' });
  if ('__shared' in schemas || '__shared' in bodySchemas) throw new Error('unexpected shared $defs in generated schemas');
  for (const [id, schema] of Object.entries(bodySchemas)) if (id.startsWith('__body')) schemas[id] = schema;
  const components: [string, JsonObject][] = [];
  const inline = new Map<string, JsonObject>();
  for (const [id, schema] of Object.entries(schemas)) {
    const clean = stripRootKeys(schema as Record<string, unknown>);
    if (id.startsWith('__route') || id.startsWith('__body')) inline.set(id, clean);
    else components.push([id, clean]);
  }
  /** A converted schema: a `$ref` for a named component, else the inlined one. */
  const schemaOf = (id: string): JsonObject => inline.get(id) ?? { $ref: `${COMPONENT_PREFIX}${id}` };
  /** The response schema of a JSON route. */
  const responseSchema = (r: RouteSpec): JsonObject => {
    const id = routeSchemaIds.get(r);
    if (id === undefined) throw new Error(`no schema for ${r.path}`);
    return schemaOf(id);
  };
  const bodySchema = (r: RouteSpec): JsonObject | undefined => {
    const id = bodySchemaIds.get(r);
    return id === undefined ? undefined : schemaOf(id);
  };
  /** The data schema of every event of an event-stream route, by event name. */
  const eventSchemas = (r: RouteSpec): [event: string, data: JsonObject][] =>
    (eventSchemaIds.get(r) ?? []).map(([event, id]) => [event, schemaOf(id)]);
  return { components: sortedObject(components), responseSchema, bodySchema, eventSchemas };
}

/**
 * A query parameter as it may be sent. Its integer bounds stay, even the JS safe-integer ones: the query
 * parser enforces them (400), unlike the values of a JSON answer, which `tidy` leaves unbounded.
 */
function wireSchema(param: QueryParam<unknown>): JsonObject {
  const keepBounds = (ctx: { jsonSchema: Record<string, unknown> }) => {
    const { minimum, maximum } = ctx.jsonSchema;
    tidy(ctx);
    if (minimum !== undefined) ctx.jsonSchema.minimum = minimum;
    if (maximum !== undefined) ctx.jsonSchema.maximum = maximum;
  };
  return stripRootKeys(z.toJSONSchema(param.wire, { override: keepBounds, io: 'input' }) as Record<string, unknown>);
}

function parameters(r: RouteSpec): JsonObject[] {
  const out: JsonObject[] = pathParamNames(r.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    description: PATH_PARAM_DESCRIPTIONS[name] ?? name,
    schema: (NUMERIC_PATH_PARAMS as readonly string[]).includes(name)
      ? ({ type: 'integer', minimum: 0, maximum: JAVA_INT_MAX } as JsonObject)
      : ({ type: 'string' } as JsonObject),
  }));
  for (const [name, param] of Object.entries(r.query?.params ?? {})) {
    out.push({
      name,
      in: 'query',
      required: param.required ?? false,
      description: param.description,
      schema: wireSchema(param),
      ...(param.multi ? { style: 'form', explode: true } : {}),
    });
  }
  return out;
}

function errorResponses(errors: readonly ErrorAnswer[]): { [status: string]: JsonObject } {
  const byStatus = new Map<number, ErrorAnswer[]>();
  for (const e of errors) byStatus.set(e.status, [...(byStatus.get(e.status) ?? []), e]);
  const out: { [status: string]: JsonObject } = {};
  for (const status of [...byStatus.keys()].sort()) {
    const list = byStatus.get(status)!;
    out[String(status)] = {
      description: list.map((e) => `${e.when}: \`${e.body}\``).join('\n\n'),
      content: {
        'text/plain': {
          schema: { type: 'string' },
          examples: Object.fromEntries(list.map((e, i) => [`e${i + 1}`, { summary: e.when, value: e.body }])),
        },
      },
    };
  }
  return out;
}

function successResponse(
  r: RouteSpec,
  responseSchema: (r: RouteSpec) => JsonObject,
  eventSchemas: (r: RouteSpec) => [event: string, data: JsonObject][],
): JsonObject {
  switch (r.response.kind) {
    case 'json':
      return { description: r.summary, content: { 'application/json': { schema: responseSchema(r) } } };
    case 'zip':
      return {
        description: r.summary,
        headers: {
          'Content-Disposition': {
            description: `attachment; filename=${r.response.fileName}`,
            schema: { type: 'string' },
          },
        },
        content: { [r.response.contentType]: { schema: { type: 'string', contentMediaType: 'application/zip' } } },
      };
    case 'download':
      return {
        description: r.summary,
        headers: {
          'Content-Disposition': { description: `attachment; filename=${r.response.fileName}`, schema: { type: 'string' } },
        },
        content: { [r.response.contentType]: { schema: { type: 'string' } } },
      };
    case 'redirect':
      return { description: r.summary } as JsonObject;
    case 'text':
      return { description: r.summary, content: { [r.response.contentType]: { schema: { type: 'string' } } } };
    case 'eventStream':
      return {
        description: r.description ?? r.summary,
        content: { 'text/event-stream': { schema: sseEventSchema(eventSchemas(r)) } },
      };
  }
}

/**
 * One server-sent event of a stream, as OpenAPI 3.2's `itemSchema` describes an event (and as tools such as
 * schemathesis read a 3.1 `schema` of `text/event-stream`): its `event` name and its `data` line, the JSON
 * of that event's schema; `id` where the stream numbers its events. Comments (`: ping`) are not events.
 */
function sseEventSchema(events: [event: string, data: JsonObject][]): JsonObject {
  return {
    oneOf: events.map(([event, data]) => ({
      type: 'object',
      properties: {
        event: { const: event },
        data: { type: 'string', contentMediaType: 'application/json', contentSchema: data },
        id: { type: 'string' },
      },
      required: ['event', 'data'],
    })),
  };
}

export function buildOpenApiDocument(): OpenApiDocument {
  const { components, responseSchema, bodySchema, eventSchemas } = convertSchemas(routeTable);
  const byPath = new Map<string, JsonObject>();
  for (const r of routeTable) {
    const body = bodySchema(r);
    const operation: JsonObject = {
      operationId: r.operationId,
      summary: r.summary,
      ...(r.description === undefined ? {} : { description: r.description }),
      tags: [r.tag],
      'x-access': r.access,
      ...(r.access === 'public' ? { security: [] } : {}),
      parameters: parameters(r),
      ...(body === undefined ? {} : { requestBody: { required: true, content: { 'application/json': { schema: body } } } }),
      responses: { [r.response.kind === 'redirect' ? '302' : '200']: successResponse(r, responseSchema, eventSchemas), ...errorResponses(r.errors) },
    };
    byPath.set(r.path, { ...(byPath.get(r.path) ?? {}), [r.method.toLowerCase()]: operation });
  }
  const paths: [string, JsonObject][] = [...byPath];
  return {
    openapi: '3.1.0',
    info: { ...OPENAPI_INFO },
    tags: TAGS.map(([name, description]) => ({ name, description })),
    paths: sortedObject(paths),
    components: {
      schemas: components,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'spark_console_session', description: 'Browser session (state-changing calls also send `x-csrf-token`).' },
        bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token.' },
        basic: { type: 'http', scheme: 'basic', description: 'User name and password, for Spark History Server clients.' },
      },
    },
    security: [{ session: [] }, { bearer: [] }, { basic: [] }],
  };
}

/** The document as committed: 2-space JSON with a trailing newline. */
export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
