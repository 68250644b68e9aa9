import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFORMANCE, type ServerHandle, startServerProcess } from '../support/serverProcess.js';

/*
 * A driver that died without writing SparkListenerApplicationEnd. While its log may still grow
 * (`.inprogress`) it is running, as far as anyone can tell. Once the log is final, Spark's /api/v1 still lists
 * it as incomplete (the real History Server does, see test/oracle/crashedDriver.test.ts), but the console no
 * longer calls it running: status `unknown`, ended at its last event.
 */

const SAMPLE = path.join(CONFORMANCE, 'spark-events', 'local-1422981780767');
const APP = 'local-1422981780767';
const lines = fs
  .readFileSync(SAMPLE, 'utf8')
  .split('\n')
  .filter((l) => l.length > 0 && !l.includes('"Event":"SparkListenerApplicationEnd"'));

/** The latest time the events carry (start, executors, jobs, stages, tasks): where the console says it ended. */
const lastEventTime = Math.max(...lines.flatMap((l) => [...l.matchAll(/"(?:Timestamp|Completion Time|Finish Time|Submission Time)":(\d+)/g)].map((m) => Number(m[1]))));
const startTime = Number(/"Event":"SparkListenerApplicationStart".*?"Timestamp":(\d+)/.exec(lines.join('\n'))![1]);

async function consoleItem(url: string) {
  const page = (await (await fetch(`${url}/api/console/apps?search=${APP}`)).json()) as { items: { id: string; status: string; endTime: number | null; duration: number }[] };
  return page.items.find((i) => i.id === APP);
}

describe('a log without an application end event', () => {
  let root: string;
  let server: ServerHandle;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-ended-'));
    fs.mkdirSync(path.join(root, 'growing'));
    fs.mkdirSync(path.join(root, 'final'));
    fs.writeFileSync(path.join(root, 'growing', `${APP}.inprogress`), lines.join('\n') + '\n');
    // The same log once final, as a rolling folder whose appstatus marker says so (another app id).
    const rollingId = 'local-1422981780768';
    const dir = path.join(root, 'final', `eventlog_v2_${rollingId}`);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, `events_1_${rollingId}`), lines.map((l) => l.split(APP).join(rollingId)).join('\n') + '\n');
    fs.writeFileSync(path.join(dir, `appstatus_${rollingId}`), '');
    server = await startServerProcess(['--event-logs', root, '--scan-interval-ms', '200']);
  });

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('is running while its log is in progress', async () => {
    const item = await consoleItem(server.url);
    expect(item?.status).toBe('running');
    expect(item?.endTime).toBeNull();
  });

  it('once its single file is final: incomplete on /api/v1 as Spark lists it, `unknown` ended at its last event in the console', async () => {
    fs.renameSync(path.join(root, 'growing', `${APP}.inprogress`), path.join(root, 'growing', APP));
    // Until the log is replayed under its final name, the console says `unknown` with the file's time.
    const deadline = Date.now() + 15_000;
    let item = await consoleItem(server.url);
    while (item?.endTime !== lastEventTime && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      item = await consoleItem(server.url);
    }
    expect(item).toMatchObject({ status: 'unknown', endTime: lastEventTime, duration: lastEventTime - startTime });

    const app = await (await fetch(`${server.url}/api/v1/applications/${APP}`)).json();
    expect(app.attempts[0]).toMatchObject({ completed: false, endTimeEpoch: -1, duration: 0 });
    const running = (await (await fetch(`${server.url}/api/v1/applications?status=running`)).json()) as { id: string }[];
    expect(running.map((a) => a.id)).toContain(APP);
    const unknown = await (await fetch(`${server.url}/api/console/apps?status=unknown`)).json();
    expect(unknown.items.map((i: { id: string }) => i.id)).toContain(APP);
  });

  it('as a rolling log whose appstatus marker is final: `unknown` too', async () => {
    const page = await (await fetch(`${server.url}/api/console/apps?search=local-1422981780768`)).json();
    expect(page.items[0]).toMatchObject({ id: 'local-1422981780768', status: 'unknown', endTime: lastEventTime });
  });
});
