import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parsePathParams, pathParamNames, type RouteSpec } from '../../src/api/routeDefinition.js';
import { routeTable } from '../../src/api/routes.js';
import { StageData } from '../../src/api/spark/stage.js';
import { CONFORMANCE_DIR } from '../support/sharedData.js';
import { isQueryError, type RawQuery } from '../../src/api/query/queryDefinition.js';

/*
 * Spark 3.5.1's golden answers (../shared/conformance) against our schemas: every expectation file must
 * parse with the schema of the route its case requests and use no key the schema does not declare.
 * Key order is not checked: Spark's own files disagree on it (getter order varies, some files were edited
 * by hand) and Spark's suite compares objects by key.
 */

const CONFORMANCE = CONFORMANCE_DIR;
const EXPECTATIONS = path.join(CONFORMANCE, 'expectations');

interface Case {
  name: string;
  path: string;
  file: string;
}

const cases: Case[] = readFileSync(path.join(CONFORMANCE, 'cases.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [name, p, file] = line.split('\t');
    return { name: name!, path: p!, file: file! };
  });

function templateRegex(template: string): RegExp {
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, '(?<$1>[^/]+)');
  return new RegExp(`^${source}$`);
}

/** Finds the route a request path hits, the way a router prefers static segments over parameters. */
function resolve(requestPath: string): { route: RouteSpec; params: Record<string, string> } {
  const matches = routeTable
    .filter((r) => r.path.startsWith('/api/v1'))
    .flatMap((r) => {
      const m = templateRegex(r.path).exec(requestPath);
      return m && parsePathParams(r, m.groups ?? {}) !== undefined ? [{ route: r, params: { ...m.groups } }] : [];
    })
    // fewer parameters = more static segments = the router's choice
    .sort((a, b) => pathParamNames(a.route.path).length - pathParamNames(b.route.path).length);
  if (matches.length === 0) throw new Error(`no route for ${requestPath}`);
  return matches[0]!;
}

function rawQuery(search: string): RawQuery {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(search)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** The suite blanks file-modification times (`lastUpdated: ""`); put a real Spark date back before parsing. */
function denormalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(denormalize);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'lastUpdated' && v === '' ? '2015-05-06T13:03:00.950GMT' : denormalize(v)]),
    );
  }
  return value;
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Walks a value alongside its schema and reports keys the schema does not declare. (Loose objects accept unknown keys at run time on purpose; this check
 * makes sure that for Spark 3.5's own answers we did not simply forget a field.)
 */
function audit(schema: z.ZodType, value: unknown, at: string, problems: string[]): void {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      if (value !== undefined && value !== null) audit(def.innerType as z.ZodType, value, at, problems);
      return;
    case 'array':
      if (Array.isArray(value)) value.forEach((v, i) => audit(def.element as z.ZodType, v, `${at}[${i}]`, problems));
      return;
    case 'record':
      if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) audit(def.valueType as z.ZodType, v, `${at}.${k}`, problems);
      }
      return;
    case 'object': {
      if (!value || typeof value !== 'object') return;
      const shape = def.shape as Record<string, z.ZodType>;
      for (const [k, v] of Object.entries(value)) {
        if (shape[k] === undefined) problems.push(`${at}: undeclared key ${k}`);
        else audit(shape[k], v, `${at}.${k}`, problems);
      }
      return;
    }
    default:
      return;
  }
}

const jsonSchemaOf = (route: RouteSpec): z.ZodType => {
  if (route.response.kind !== 'json') throw new Error(`${route.path} does not answer JSON`);
  return route.response.schema;
};

describe('Spark 3.5.1 golden answers', () => {
  it('covers every expectation file', () => {
    const files = readdirSync(EXPECTATIONS).filter((f) => f.endsWith('.json'));
    const mapped = new Set(cases.map((c) => c.file));
    expect(files.filter((f) => !mapped.has(f))).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of cases) {
    describe(c.name, () => {
      const [pathPart, search = ''] = c.path.split('?');
      const { route } = resolve(`/api/v1/${pathPart}`);
      const golden = denormalize(JSON.parse(readFileSync(path.join(EXPECTATIONS, c.file), 'utf8')));

      it(`parses with ${route.operationId}'s schema`, () => {
        const result = jsonSchemaOf(route).safeParse(golden);
        expect(result.success ? [] : result.error.issues).toEqual([]);
      });

      it('uses no key the schema does not declare', () => {
        const problems: string[] = [];
        audit(jsonSchemaOf(route), golden, '$', problems);
        expect(problems).toEqual([]);
      });

      it('accepts its query string', () => {
        const parsed = route.query === undefined ? {} : route.query.parse(rawQuery(search));
        expect(isQueryError(parsed) ? parsed.error : 'ok').toBe('ok');
      });
    });
  }

  it('resolves the attempt forms and the static forms like a router', () => {
    expect(resolve('/api/v1/applications/local-1426533911241/1/jobs').route.operationId).toBe('listJobsForAttempt');
    expect(resolve('/api/v1/applications/local-1422981780767/jobs').route.operationId).toBe('listJobs');
    expect(resolve('/api/v1/applications/local-1422981780767/stages/1/0').route.operationId).toBe('getStageAttempt');
    expect(resolve('/api/v1/applications/local-1426533911241/1').route.operationId).toBe('getApplicationAttempt');
  });
});

describe('wrong shapes are rejected', () => {
  const stage = JSON.parse(readFileSync(path.join(EXPECTATIONS, 'one_stage_attempt_json_expectation.json'), 'utf8')) as Record<
    string,
    unknown
  >;

  it('the golden stage itself parses', () => {
    expect(StageData.safeParse(stage).success).toBe(true);
  });

  it('numTasks as a string', () => {
    const result = StageData.safeParse({ ...stage, numTasks: '8' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['numTasks']);
  });

  it('a missing required field', () => {
    const { executorRunTime: _dropped, ...rest } = stage;
    expect(StageData.safeParse(rest).success).toBe(false);
  });

  it('an unknown status', () => {
    expect(StageData.safeParse({ ...stage, status: 'DONE' }).success).toBe(false);
  });

  it('a date not in Spark format', () => {
    expect(StageData.safeParse({ ...stage, submissionTime: '2015-02-03T16:43:05.829Z' }).success).toBe(false);
  });

  it('a task with a string metric deep inside', () => {
    const tasks = stage.tasks as Record<string, Record<string, unknown>>;
    const [id, task] = Object.entries(tasks)[0]!;
    const metrics = task.taskMetrics as Record<string, unknown>;
    const bad = { ...stage, tasks: { ...tasks, [id]: { ...task, taskMetrics: { ...metrics, executorRunTime: 'fast' } } } };
    const result = StageData.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['tasks', id, 'taskMetrics', 'executorRunTime']);
  });

  it('the key audit itself notices an undeclared key deep inside', () => {
    const tasks = stage.tasks as Record<string, Record<string, unknown>>;
    const [id, task] = Object.entries(tasks)[0]!;
    const problems: string[] = [];
    audit(StageData, { ...stage, tasks: { ...tasks, [id]: { ...task, bogus: 1 } } }, '$', problems);
    expect(problems).toEqual([`$.tasks.${id}: undeclared key bogus`]);
  });

  it('unknown keys are kept, not rejected (Spark adds fields within v1)', () => {
    const result = StageData.parse({ ...stage, someFutureField: 42, peakExecutorMetrics: { JVMMaxMemory: 1 } });
    expect(result.someFutureField).toBe(42);
    expect(result.peakExecutorMetrics).toEqual({ JVMMaxMemory: 1 });
  });
});
