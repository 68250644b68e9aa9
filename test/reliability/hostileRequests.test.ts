/**
 * Issue 9: nothing a client sends may crash the server or answer 500. schemathesis generates requests from
 * the OpenAPI document the server itself serves (`/api/docs`): valid and invalid path and query values,
 * bodies, headers and methods, with a fixed seed and a bounded number of cases per operation. It runs
 * against the real server (built dist/) with sign-in on, the access fixture's projects over Spark's sample
 * logs, and driver/executor logs for one application; first as a console administrator over HTTP Basic
 * (every route reachable, the state-changing ones included), then briefly without our credentials. Every
 * answer must be no server error, of a status the route documents, with the body its schema declares.
 * Skipped, saying why, when schemathesis could not be installed (SPARK_ORACLE_REQUIRED=1 makes that a failure).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALPHA_APP, password, writeConfig } from '../access/accessFixture.js';
import { basic, type ServerHandle, startServerProcess } from '../support/serverProcess.js';
import { tempDir } from './helpers.js';
import {
  describeFailures,
  runSchemathesis,
  SCHEMATHESIS_VERSION,
  schemathesisUnavailable,
  type SchemathesisOptions,
  type SchemathesisRun,
} from './schemathesisRun.js';

const unavailable = schemathesisUnavailable();
const skip = unavailable !== undefined && process.env.SPARK_ORACLE_REQUIRED !== '1';

const SEED = 20_091_207;
const ADMIN = `root:${password('root')}`;
/**
 * What every answer is checked for: no 5xx; a status the route documents, with its Content-Type and headers;
 * a body that matches the route's schema (JSON, or each event of an event stream); invalid input refused
 * with a 4xx; 405 with `Allow` for a method the path does not declare; a token revoked or a member removed
 * is gone afterwards. Left out, deliberately: `ignored_auth` wants 401/403 for bad credentials, but after
 * repeated failures from one address the documented answer is 429 (the sign-in throttle); and
 * `positive_data_acceptance` would need JSON Schema to hold grammars the document states in words (Spark's
 * date formats, comma-separated quantiles in [0, 1]), which the server rightly refuses outside them.
 */
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'negative_data_rejection',
  'unsupported_method',
  'use_after_free',
  'ensure_resource_availability',
];

let server: ServerHandle;
let work: string;

/** Driver and executor logs of one alpha application, as Spark writes them, for the log routes to read and search. */
function writeAppLogs(root: string): void {
  const app = path.join(root, 'alpha', ALPHA_APP);
  fs.mkdirSync(path.join(app, '0'), { recursive: true });
  const lines = (n: number, text: (i: number) => string) => Array.from({ length: n }, (_, i) => `${text(i)}\n`).join('');
  fs.writeFileSync(path.join(app, '0', 'stdout'), lines(400, (i) => `15/02/03 16:43:${String(i % 60).padStart(2, '0')} INFO Executor: Running task ${i}.0 in stage 0.0 (TID ${i})`));
  fs.writeFileSync(path.join(app, '0', 'stderr'), lines(20, (i) => (i % 7 === 0 ? `ERROR Executor: Exception in task ${i}.0\njava.lang.OutOfMemoryError: Java heap space` : `WARN BlockManager: slow ${i}`)));
  fs.writeFileSync(path.join(root, 'alpha', `${ALPHA_APP}_driver.log`), lines(50, (i) => `15/02/03 16:42:${String(i % 60).padStart(2, '0')} INFO SparkContext: step ${i}`));
}

async function fuzz(name: string, opts: Omit<SchemathesisOptions, 'url' | 'workDir' | 'checks'>): Promise<SchemathesisRun> {
  const run = await runSchemathesis({ ...opts, url: server.url, workDir: path.join(work, name), checks: CHECKS });
  const operations = run.operations.filter((o) => o.includes(' /')).length;
  // Figures for the log, never asserted: how much was sent and how long it took on this machine.
  console.log(
    `[schemathesis ${SCHEMATHESIS_VERSION}] ${name}: ${operations} operations, ${run.cases ?? '?'} test cases, ` +
      `${run.failures.length} failures in ${run.seconds.toFixed(1)} s${run.interrupted ? ' (stopped at its time budget)' : ''}`,
  );
  return run;
}

/** Each operation of the served document (`GET /api/v1/version`) and its access rule (`x-access`). */
async function accessRules(): Promise<Map<string, string>> {
  const doc = (await (await fetch(`${server.url}/api/docs`)).json()) as { paths: Record<string, Record<string, { 'x-access': string }>> };
  return new Map(Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${p}`, op['x-access']] as const)));
}

/** The server process is still up and still answers, also on a route behind sign-in. */
async function expectAlive(credentials?: string): Promise<void> {
  expect(server.process.exitCode, `the server exited:\n${server.output().slice(-2000)}`).toBeNull();
  expect((await fetch(`${server.url}/api/console/sign-in-options`)).status).toBe(200);
  if (credentials) {
    const res = await fetch(`${server.url}/api/v1/applications/${ALPHA_APP}/jobs`, { headers: { Authorization: basic(credentials) } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as unknown[]).length).toBeGreaterThan(0);
  }
  // A stream or handler error that stayed inside its request is still logged; there must be none.
  expect(server.output()).not.toMatch(/internal error|unhandled|uncaught/i);
}

describe.skipIf(skip)(`hostile requests from our OpenAPI document (schemathesis ${SCHEMATHESIS_VERSION})`, () => {
  beforeAll(async () => {
    expect(unavailable, 'schemathesis is required (SPARK_ORACLE_REQUIRED=1)').toBeUndefined();
    work = tempDir('hostile');
    const appLogs = path.join(work, 'app-logs');
    writeAppLogs(appLogs);
    server = await startServerProcess(['--config', writeConfig(work), '--app-logs', appLogs], { auth: 'password', as: ADMIN });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  // First: the anonymous pass leaves this address throttled for new credentials (its random ones fail).
  it('as a console administrator (HTTP Basic): no server error, and every answer as documented', async () => {
    const run = await fuzz('administrator', { auth: ADMIN, seed: SEED, maxExamples: 30, budgetMs: 110_000 });
    expect(run.failures.length, describeFailures(run.failures, ADMIN)).toBe(0);
    // Every operation of the document but the two it leaves out (the change feed, see schemathesis.toml;
    // /api/docs, the document itself) was tested, unless the budget ran out first.
    if (!run.interrupted) expect(run.operations.filter((o) => o.includes(' /')).length).toBeGreaterThanOrEqual(72);
    expect(run.cases).toBeGreaterThan(500);
    // Sign-out was called many times by now: it ends sessions, never a Basic caller, who has none.
    await expectAlive(ADMIN);
  }, 180_000);

  it('without credentials: nothing but public routes answers, and every answer is documented', async () => {
    // schemathesis also makes up Basic, Bearer and cookie credentials here; after 20 failures from this
    // address, credentials are refused with 429 (documented) until the window passes.
    const run = await fuzz('anonymous', { seed: SEED, maxExamples: 6, budgetMs: 45_000, recordAnswers: true });
    expect(run.failures.length, describeFailures(run.failures)).toBe(0);
    const access = await accessRules();
    const signedInOnly = run.answers.filter((a) => access.get(a.operation) !== 'public' && a.operation.startsWith(`${a.method} `));
    expect(signedInOnly.length).toBeGreaterThan(100);
    // A route behind sign-in never answered one of these callers with what it holds (or even a redirect).
    const served = signedInOnly.filter((a) => a.status < 400);
    expect(served.map((a) => `${a.status} ${a.method} ${a.uri}`)).toEqual([]);
    expect(signedInOnly.filter((a) => a.status === 401).length).toBeGreaterThan(0);
    await expectAlive();
    expect([401, 429]).toContain((await fetch(`${server.url}/api/v1/applications`)).status);
  }, 120_000);
});

if (skip) {
  describe(`hostile requests from our OpenAPI document (schemathesis ${SCHEMATHESIS_VERSION})`, () => {
    it.skip(`skipped: ${unavailable}`, () => {});
  });
  console.warn(`[reliability] SKIPPED schemathesis ${SCHEMATHESIS_VERSION}: ${unavailable}`);
}
