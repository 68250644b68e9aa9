import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, renderOpenApiDocument, type JsonValue } from '../../src/api/openapi.js';
import { routeTable } from '../../src/api/routes.js';

const COMMITTED = path.resolve(__dirname, '../../openapi.json');
const REGENERATE = 'UPDATE_OPENAPI=1 npx vitest run test/api/openapi.test.ts';

/** Every `$ref` in a JSON value. */
function refs(value: JsonValue, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe('OpenAPI document', () => {
  const doc = buildOpenApiDocument();

  it(`matches the committed openapi.json (regenerate: ${REGENERATE})`, () => {
    // Regeneration lives in the test so the project needs no extra script runner.
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(COMMITTED, renderOpenApiDocument());
    expect(existsSync(COMMITTED), `openapi.json is missing; create it with: ${REGENERATE}`).toBe(true);
    const committed: unknown = JSON.parse(readFileSync(COMMITTED, 'utf8'));
    expect(committed, `openapi.json drifted from the contract in src/api; regenerate it with: ${REGENERATE}`).toEqual(
      JSON.parse(JSON.stringify(doc)),
    );
  });

  it('is deterministic', () => {
    expect(renderOpenApiDocument()).toBe(renderOpenApiDocument());
    expect(Object.keys(doc.paths)).toEqual([...Object.keys(doc.paths)].sort());
    expect(Object.keys(doc.components.schemas)).toEqual([...Object.keys(doc.components.schemas)].sort());
  });

  it('is OpenAPI 3.1 with one operation per route, its access rule, and unique operationIds', () => {
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, ...(op as { operationId: string; 'x-access': string }) })),
    );
    expect(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort()).toEqual(routeTable.map((r) => `${r.method} ${r.path}`).sort());
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of operations) expect(routeTable.find((r) => r.operationId === o.operationId)!.access).toBe(o['x-access']);
  });

  it('every $ref points at a component, and no internal id leaks', () => {
    const all = refs(doc as unknown as JsonValue);
    expect(all.length).toBeGreaterThan(50);
    for (const ref of all) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
    expect(renderOpenApiDocument()).not.toContain('__route');
    expect(renderOpenApiDocument()).not.toContain('$schema');
  });

  it('documents a route completely: parameters, answer and Spark error texts', () => {
    const op = doc.paths['/api/v1/applications/{appId}/stages/{stageId}/{stageAttemptId}']!.get as Record<string, JsonValue>;
    const params = op.parameters as { name: string; in: string; schema: Record<string, JsonValue> }[];
    expect(params.map((p) => `${p.in}:${p.name}`)).toEqual([
      'path:appId',
      'path:stageId',
      'path:stageAttemptId',
      'query:details',
      'query:taskStatus',
      'query:withSummaries',
      'query:quantiles',
    ]);
    expect(params.find((p) => p.name === 'details')!.schema).toEqual({ default: true, type: 'boolean' });
    expect(params.find((p) => p.name === 'quantiles')!.schema).toEqual({ default: '0.0,0.25,0.5,0.75,1.0', type: 'string' });
    const responses = op.responses as Record<string, { content: Record<string, { schema: JsonValue; examples?: JsonValue }> }>;
    expect(responses['200']!.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/StageData' });
    const notFound = JSON.stringify(responses['404']);
    expect(notFound).toContain('unknown stage: {stageId}');
    expect(notFound).toContain('unknown attempt for stage {stageId}.  Found attempts: [{attemptIds}]');
    expect(notFound).toContain('no such app: {appId}');
    expect(JSON.stringify(responses['400'])).toContain('Bad value for parameter \\"quantiles\\".  Expected a double, got \\"{value}\\"');
  });

  it('keeps Spark optionality and open objects in the component schemas', () => {
    const stage = doc.components.schemas.StageData as { required: string[]; additionalProperties: JsonValue };
    expect(stage.required).toContain('numTasks');
    expect(stage.required).not.toContain('tasks');
    expect(stage.required).not.toContain('description');
    expect(stage.additionalProperties).toEqual({});
    expect(doc.components.schemas.ExecutorMetrics).toMatchObject({ type: 'object', additionalProperties: { type: 'number' } });
  });

  it('documents the logs zip', () => {
    const logs = JSON.stringify(doc.paths['/api/v1/applications/{appId}/{attemptId}/logs']);
    expect(logs).toContain('application/octet-stream');
    expect(logs).toContain('eventLogs-{appId}-{attemptId}.zip');
    // Spark's download is application/octet-stream; the console's all-logs zip says what it is.
    const allLogs = doc.paths['/api/console/apps/{appId}/all-logs.zip']!.get as { responses: Record<string, { content: Record<string, JsonValue> }> };
    expect(Object.keys(allLogs.responses['200']!.content)).toEqual(['application/zip']);
  });

  // Found by the API fuzz (test/reliability/hostileRequests.test.ts): the all-logs search ends with a `done`
  // event the document did not name, and its schema described the stream as one string, not its events.
  it('documents every event of the event streams: its name and the JSON of its data line', () => {
    type EventSchema = { properties: { event: { const: string }; data: { contentSchema: JsonValue } }; required: string[] };
    const events = (path: string) => {
      const op = doc.paths[path]!.get as { responses: Record<string, { content: Record<string, { schema: { oneOf: EventSchema[] } }> }> };
      return op.responses['200']!.content['text/event-stream']!.schema.oneOf.map((e) => {
        expect(e.required).toEqual(['event', 'data']);
        return [e.properties.event.const, e.properties.data.contentSchema];
      });
    };
    expect(events('/api/console/apps/{appId}/changes')).toEqual([
      ['change', { $ref: '#/components/schemas/AppChangeEvent' }],
      ['complete', { $ref: '#/components/schemas/AppChangeEvent' }],
    ]);
    expect(events('/api/console/apps/{appId}/logs-search')).toEqual([
      ['file', { $ref: '#/components/schemas/AppLogSearchFile' }],
      ['done', { $ref: '#/components/schemas/AppLogSearchDone' }],
    ]);
  });

  // Found by the API fuzz (positive and negative data checks): the document must say what the server takes.
  it('describes request bodies as the server reads them: defaulted fields optional, unknown keys ignored', () => {
    const body = (path: string, method: string) =>
      ((doc.paths[path]![method] as { requestBody: { content: Record<string, { schema: JsonValue }> } }).requestBody.content['application/json']!
        .schema) as { required: string[]; additionalProperties?: JsonValue };
    const token = body('/api/console/tokens', 'post');
    expect(token.required).toEqual(['name']);
    expect(token.additionalProperties).toBeUndefined();
    expect(body('/api/console/admin/users', 'post').required).toEqual(['name', 'password']);
  });

  it('states the bounds the query parser enforces, the JS safe-integer one included', () => {
    const op = doc.paths['/api/console/admin/audit']!.get as { parameters: { name: string; schema: JsonValue }[] };
    expect(op.parameters.find((p) => p.name === 'to')!.schema).toEqual({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
    const search = doc.paths['/api/console/apps/{appId}/logs-search']!.get as { parameters: { name: string; required: boolean; schema: JsonValue }[] };
    expect(search.parameters.find((p) => p.name === 'q')).toMatchObject({ required: true, schema: { type: 'string', minLength: 1, maxLength: 256 } });
  });

  it("documents the CSRF refusal on every state-changing route behind sign-in (a browser session's cookie goes along on its own)", () => {
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops as Record<string, { 'x-access': string; responses: Record<string, JsonValue> }>)) {
        if (op['x-access'] === 'public' || method === 'get') continue;
        expect(JSON.stringify(op.responses['403']), `${method} ${path}`).toContain('missing or wrong x-csrf-token header');
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  // Found by the API fuzz: after 20 failed credentials from one address every signed-in route answers 429.
  it('documents the sign-in throttle on every route that checks credentials', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops as Record<string, { 'x-access': string; responses: Record<string, JsonValue> }>)) {
        if (op['x-access'] === 'public') continue;
        expect(JSON.stringify(op.responses['429']), `${method} ${path}`).toContain('too many failed sign-ins: try again in {seconds} s');
      }
    }
  });
});
