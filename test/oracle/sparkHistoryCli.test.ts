/**
 * A History Server client works unchanged against our server: `spark-history-cli` (PyPI, installed by
 * scripts/ensure-oracle.sh into its own virtual environment) over its main commands, on Spark's own sample
 * logs. Each command must exit 0; with --json its output must be what our /api/v1 answers.
 * Skipped, saying why, when the package could not be installed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFORMANCE, type ServerHandle, startServerProcess } from '../support/serverProcess.js';
import { firstDifference } from '../support/sparkJsonCompare.js';
import { SPARK_HISTORY_CLI_VERSION, cliVenv } from './sparkOracle.js';

const CLI = path.join(cliVenv(), 'bin', 'spark-history-cli');
const installed = fs.existsSync(path.join(cliVenv(), '.installed'));
if (!installed) console.warn(`[oracle] SKIPPED spark-history-cli ${SPARK_HISTORY_CLI_VERSION}: not installed (scripts/ensure-oracle.sh could not install it from PyPI)`);

let server: ServerHandle;
let tmp: string;

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(CLI, ['--server', server.url, ...args], { timeout: 60_000, env: { ...process.env, NO_COLOR: '1', COLUMNS: '200' } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function json(...args: string[]): Promise<unknown> {
  const r = await cli('--json', ...args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}${r.stdout}`).toBe(0);
  return JSON.parse(r.stdout);
}

const api = async (p: string) => (await fetch(`${server.url}/api/v1/${p}`)).json();

describe.skipIf(!installed)(`spark-history-cli ${SPARK_HISTORY_CLI_VERSION} against our server`, () => {
  beforeAll(async () => {
    server = await startServerProcess(['--event-logs', path.join(CONFORMANCE, 'spark-events')]);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shs-cli-'));
  });
  afterAll(async () => {
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const APP = 'local-1430917381534';
  const SQL_APP = 'local-1642039451826';

  it('version and apps (with --status and --limit)', async () => {
    expect(await json('version')).toEqual(await api('version'));
    expect(await json('apps')).toEqual(await api('applications'));
    expect(await json('apps', '--status', 'completed', '--limit', '3')).toEqual(await api('applications?status=completed&limit=3'));
  });

  it('app, attempts and attempt of a two-attempt application', async () => {
    expect(await json('app', APP)).toEqual(await api(`applications/${APP}`));
    const attempts = (await json('-a', 'local-1430917381535', 'attempts')) as { attemptId: string }[];
    expect(attempts.map((a) => a.attemptId)).toEqual(['2', '1']);
    const r = await cli('-a', 'local-1430917381535', 'attempt', '1');
    expect(r.code, r.stderr).toBe(0);
  });

  it('jobs, job, job-stages', async () => {
    expect(await json('-a', APP, 'jobs')).toEqual(await api(`applications/${APP}/jobs`));
    expect(await json('-a', APP, 'jobs', '--status', 'succeeded')).toEqual(await api(`applications/${APP}/jobs?status=succeeded`));
    expect(await json('-a', APP, 'job', '0')).toEqual(await api(`applications/${APP}/jobs/0`));
    const r = await cli('-a', APP, '--json', 'job-stages', '0');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).not.toHaveLength(0);
  });

  it('stages, stage, stage-summary, stage-tasks', async () => {
    expect(await json('-a', APP, 'stages')).toEqual(await api(`applications/${APP}/stages`));
    const stage = await json('-a', APP, 'stage', '0');
    expect(JSON.stringify(stage)).toContain('"stageId":0');
    expect(await json('-a', APP, 'stage-summary', '0')).toEqual(await api(`applications/${APP}/stages/0/0/taskSummary`));
    expect(await json('-a', APP, 'stage-tasks', '0', '--sort-by', '-runtime', '--length', '5')).toEqual(
      await api(`applications/${APP}/stages/0/0/taskList?sortBy=-runtime&length=5&offset=0`),
    );
  });

  it('executors (--all), processes, env, rdds', async () => {
    expect(await json('-a', APP, 'executors')).toEqual(await api(`applications/${APP}/executors`));
    expect(await json('-a', APP, 'executors', '--all')).toEqual(await api(`applications/${APP}/allexecutors`));
    expect(await json('-a', APP, 'processes')).toEqual(await api(`applications/${APP}/allmiscellaneousprocess`));
    expect(await json('-a', APP, 'env')).toEqual(await api(`applications/${APP}/environment`));
    expect(await json('-a', 'app-20161116163331-0000', 'rdds')).toEqual(await api('applications/app-20161116163331-0000/storage/rdd'));
  });

  it('sql, sql-plan, sql-jobs (the client asks planDescription=false)', async () => {
    const list = (await json('-a', SQL_APP, 'sql')) as { id: number }[];
    expect(list.length).toBeGreaterThan(0);
    const one = await json('-a', SQL_APP, 'sql', String(list[0]!.id));
    expect(firstDifference(one, await api(`applications/${SQL_APP}/sql/${list[0]!.id}?planDescription=false`))).toBeUndefined();
    for (const args of [['sql-plan', String(list[0]!.id)], ['sql-plan', String(list[0]!.id), '--dot'], ['sql-jobs', String(list[0]!.id)]]) {
      const r = await cli('-a', SQL_APP, ...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
    }
  });

  it('summary and the human-readable tables', async () => {
    for (const args of [['summary'], ['jobs'], ['stages'], ['executors'], ['stage', '0'], ['env']]) {
      const r = await cli('-a', APP, ...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout).not.toBe('');
    }
  });

  it('logs downloads the event-log zip our server serves', async () => {
    const out = path.join(tmp, 'logs.zip');
    const r = await cli('-a', APP, 'logs', out);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const ours = Buffer.from(await (await fetch(`${server.url}/api/v1/applications/${APP}/logs`)).arrayBuffer());
    expect(fs.readFileSync(out).equals(ours)).toBe(true);
  });

  it("an unknown application fails with Spark's 404 text", async () => {
    // The client raises its HistoryServerError (a traceback in one-shot mode) carrying our answer.
    const r = await cli('-a', 'no-such-app', 'jobs');
    expect(r.code).not.toBe(0);
    expect(r.stderr + r.stdout).toContain('HTTP 404: no such app: no-such-app');
  });
});
