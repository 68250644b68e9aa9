import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillPath, pathParamNames } from '../../src/api/routeDefinition.js';
import { routeTable } from '../../src/api/routes.js';
import { CONFORMANCE, type ServerHandle, startServerProcess } from '../support/serverProcess.js';

/*
 * Secrets in Spark properties never leave the server in an answer: two runs of one job whose logs carry a raw
 * MaxCompute access key, access id and a password (as Spark before 3.2 wrote them) are asked on every GET route
 * of the table that is about an application. Only the raw downloads (event log, logs) hand out the files
 * themselves, to those allowed to read logs.
 */

const SAMPLE = path.join(CONFORMANCE, 'spark-events', 'local-1422981780767');
const runs = [1, 2].map((i) => ({
  appId: `local-secret-000${i}`,
  secrets: { 'spark.hadoop.odps.access.key': `RawKey${i}q8v2xYz`, 'spark.hadoop.odps.access.id': `LTAI5tRawId${i}k9`, 'spark.jdbc.password': `hunter${i}Pw` },
}));

/** The sample log as run `i`: its own app id and start time, and raw secrets among its Spark properties. */
function writeRun(dir: string, run: (typeof runs)[number], index: number): void {
  const lines = fs.readFileSync(SAMPLE, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const out = lines.map((line) => {
    const event = JSON.parse(line) as Record<string, unknown>;
    if (event.Event === 'SparkListenerEnvironmentUpdate') {
      event['Spark Properties'] = { ...(event['Spark Properties'] as object), ...run.secrets };
    } else if (event.Event === 'SparkListenerApplicationStart') {
      event['App ID'] = run.appId;
      event.Timestamp = (event.Timestamp as number) + index * 3_600_000;
    } else if (event.Event === 'SparkListenerApplicationEnd') {
      event.Timestamp = (event.Timestamp as number) + index * 3_600_000;
    }
    return JSON.stringify(event);
  });
  fs.writeFileSync(path.join(dir, run.appId), out.join('\n') + '\n');
}

const DEFAULTS = { jobId: 0, stageId: 0, stageAttemptId: 0, rddId: 0, executionId: 0, executorId: 'driver', logType: 'stdout', attempt: '-' };

describe('secrets in answers', () => {
  let server: ServerHandle;
  let dir: string;
  const raw = runs.flatMap((r) => Object.values(r.secrets));

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-secrets-'));
    runs.forEach((run, i) => writeRun(dir, run, i));
    server = await startServerProcess(['--event-logs', dir]);
  });

  afterAll(async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the environment redacts the key and password and masks the access id', async () => {
    const env = (await (await fetch(`${server.url}/api/v1/applications/${runs[0]!.appId}/environment`)).json()) as { sparkProperties: [string, string][] };
    const props = new Map(env.sparkProperties);
    expect(props.get('spark.hadoop.odps.access.key')).toBe('*********(redacted)');
    expect(props.get('spark.jdbc.password')).toBe('*********(redacted)');
    expect(props.get('spark.hadoop.odps.access.id')).toMatch(/^LTAI\*+/);
  });

  it('no JSON answer about an application holds a raw secret', async () => {
    let asked = 0;
    for (const route of routeTable) {
      const params = pathParamNames(route.path);
      // These logs have no attempt ids: the attempt routes answer 404 and show nothing.
      if (route.method !== 'GET' || route.response.kind !== 'json' || !params.includes('appId') || params.includes('attemptId')) continue;
      for (const run of runs) {
        const other = runs.find((r) => r !== run)!;
        const url = fillPath(route.path, { ...DEFAULTS, appId: run.appId } as never) + (route.operationId === 'consoleCompareRuns' ? `?with=${other.appId}` : '');
        const res = await fetch(server.url + url);
        const text = await res.text();
        // 503: the thread dump a History Server never has.
        expect(res.status === 503 || res.status < 500, `${url}: ${res.status} ${text}`).toBe(true);
        for (const secret of raw) expect(text.includes(secret), `${url} shows ${secret}`).toBe(false);
        asked++;
      }
    }
    expect(asked).toBeGreaterThan(40);
  });
});
