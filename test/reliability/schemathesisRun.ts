/**
 * One run of schemathesis (PyPI; scripts/ensure-schemathesis.sh installs the pinned release into
 * .cache/oracle/venv-schemathesis-<version>) against a running server's OpenAPI document, and its JUnit
 * report read back: which operations it tested, and each failure with the request that reproduces it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ORACLE_DIR, SCHEMATHESIS_VERSION, schemathesisVenv } from '../oracle/sparkOracle.js';

export { SCHEMATHESIS_VERSION };

/** Our settings for schemathesis (dictionaries of real ids, per-operation exclusions with their reasons). */
export const SCHEMATHESIS_CONFIG = path.join(import.meta.dirname, 'schemathesis.toml');

/** Why schemathesis cannot run here (what scripts/ensure-schemathesis.sh recorded), or undefined. */
export function schemathesisUnavailable(): string | undefined {
  if (fs.existsSync(path.join(schemathesisVenv(), '.installed'))) return undefined;
  const marker = path.join(ORACLE_DIR, 'schemathesis-unavailable');
  if (fs.existsSync(marker)) return fs.readFileSync(marker, 'utf8').trim();
  return `schemathesis ${SCHEMATHESIS_VERSION} is not installed in ${ORACLE_DIR}: run scripts/ensure-schemathesis.sh (npm test's pretest does)`;
}

export interface SchemathesisOptions {
  /** The server's base URL; the document is read from `${url}/api/docs`. */
  url: string;
  /** HTTP Basic `user:password`; without it every request goes out with no credentials of ours. */
  auth?: string;
  seed: number;
  /** Generated test cases per operation and phase. */
  maxExamples: number;
  checks: readonly string[];
  /** After this long the run is interrupted (SIGINT): it then reports what it has tested so far. */
  budgetMs: number;
  /** Where the report goes (and the working directory, so nothing is written into the checkout). */
  workDir: string;
  /** Also record every request and its answer status (its NDJSON event report). */
  recordAnswers?: boolean;
}

/** One request schemathesis sent for an operation, and the status it got. */
export interface SchemathesisAnswer {
  /** The operation it was generated for, e.g. `GET /api/v1/applications/{appId}`. */
  operation: string;
  /** The request's own method: a probe of an undeclared method differs from the operation's. */
  method: string;
  uri: string;
  status: number;
}

/** A test case of one operation that failed a check: schemathesis' own text, ending with a `curl` that reproduces it. */
export interface SchemathesisFailure {
  operation: string;
  text: string;
}

export interface SchemathesisRun {
  /** Operations tested (`GET /api/v1/version`, …), as the JUnit report names them. */
  operations: string[];
  failures: SchemathesisFailure[];
  /** Requests and their answers' status, when asked for (`recordAnswers`). */
  answers: SchemathesisAnswer[];
  /** Test cases generated, from the summary line, when it printed one. */
  cases: number | undefined;
  /** The budget ran out and the run was stopped early. */
  interrupted: boolean;
  exitCode: number | null;
  seconds: number;
  output: string;
}

export async function runSchemathesis(opts: SchemathesisOptions): Promise<SchemathesisRun> {
  fs.mkdirSync(opts.workDir, { recursive: true });
  const junit = path.join(opts.workDir, 'junit.xml');
  const events = path.join(opts.workDir, 'events.ndjson');
  const args = [
    '--config-file', SCHEMATHESIS_CONFIG,
    'run', `${opts.url}/api/docs`,
    '--seed', String(opts.seed),
    '--max-examples', String(opts.maxExamples),
    '--checks', opts.checks.join(','),
    // One worker: state-changing operations (members, tokens, users) then run in the seed's order.
    '--workers', '1',
    // Nothing from an earlier run is replayed: the seed alone decides what is sent.
    '--generation-database', 'none',
    '--request-timeout', '30',
    '--no-color',
    '--report', opts.recordAnswers ? 'junit,ndjson' : 'junit', '--report-junit-path', junit, '--report-ndjson-path', events,
    ...(opts.auth === undefined ? [] : ['--auth', opts.auth]),
  ];
  const started = Date.now();
  const child = spawn(path.join(schemathesisVenv(), 'bin', 'schemathesis'), args, {
    cwd: opts.workDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', COLUMNS: '160' },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let interrupted = false;
  const budget = setTimeout(() => {
    interrupted = true;
    child.kill('SIGINT');
  }, opts.budgetMs);
  // A run that does not stop on SIGINT is ended; its report is then whatever was written.
  const hardStop = setTimeout(() => child.kill('SIGKILL'), opts.budgetMs + 30_000);
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  clearTimeout(budget);
  clearTimeout(hardStop);
  if (!fs.existsSync(junit) || fs.statSync(junit).size === 0) {
    throw new Error(`schemathesis wrote no report (exit ${exitCode}):\n${output.slice(-4000)}`);
  }
  const report = parseJunitReport(fs.readFileSync(junit, 'utf8'));
  const cases = /(\d+) generated/.exec(output);
  return {
    ...report,
    answers: opts.recordAnswers && fs.existsSync(events) ? parseAnswers(fs.readFileSync(events, 'utf8')) : [],
    cases: cases ? Number(cases[1]) : undefined,
    interrupted,
    exitCode,
    seconds: (Date.now() - started) / 1000,
    output,
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!,
  );
}

/**
 * The JUnit XML schemathesis writes: one `<testcase name="METHOD /path">` per operation, holding a
 * `<failure>` (a check failed) or an `<error>` (the request could not be made or answered) per problem.
 */
export function parseJunitReport(xml: string): { operations: string[]; failures: SchemathesisFailure[] } {
  const operations: string[] = [];
  const failures: SchemathesisFailure[] = [];
  for (const testcase of xml.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const name = /\bname="([^"]*)"/.exec(testcase[1]!);
    if (!name) continue;
    const operation = unescapeXml(name[1]!);
    operations.push(operation);
    for (const problem of (testcase[3] ?? '').matchAll(/<(failure|error)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g)) {
      const message = /\bmessage="([^"]*)"/.exec(problem[2]!);
      const text = unescapeXml(problem[3] ?? (message ? message[1]! : problem[1]!)).trim();
      failures.push({ operation, text });
    }
  }
  return { operations, failures };
}

interface ScenarioFinished {
  recorder?: {
    label?: string;
    interactions?: Record<string, { request?: { method?: string; uri?: string }; response?: { status_code?: number } | null }>;
  };
}

/** The requests and answer statuses in schemathesis' NDJSON event report (one JSON event per line). */
export function parseAnswers(ndjson: string): SchemathesisAnswer[] {
  const out: SchemathesisAnswer[] = [];
  for (const line of ndjson.split('\n')) {
    if (!line.startsWith('{"ScenarioFinished"')) continue;
    const { recorder } = (JSON.parse(line) as { ScenarioFinished: ScenarioFinished }).ScenarioFinished;
    for (const interaction of Object.values(recorder?.interactions ?? {})) {
      const { request, response } = interaction;
      if (!recorder?.label || !request?.method || !request.uri || typeof response?.status_code !== 'number') continue;
      out.push({ operation: recorder.label, method: request.method, uri: request.uri, status: response.status_code });
    }
  }
  return out;
}

/**
 * Failures as one readable message: each operation, what failed, and the `curl` that reproduces it
 * (schemathesis filters the Authorization header out of it; `credentials` says what to send instead).
 */
export function describeFailures(failures: readonly SchemathesisFailure[], credentials?: string): string {
  const head = `schemathesis found ${failures.length} failing operation(s)` + (credentials ? ` (to reproduce, send -u '${credentials}')` : '');
  return [head, ...failures.map((f) => `── ${f.operation}\n${f.text}`)].join('\n\n');
}
