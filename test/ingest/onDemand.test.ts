import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEncoder } from '../../src/demo/encoders/index.js';
import { type ServerHandle, startServerProcess } from '../support/serverProcess.js';
import { SPARK_EVENTS_DIR } from '../support/sharedData.js';

/*
 * On-demand loading (Spark 4.1's History Server): with a scan interval of an hour, an application whose log
 * arrives after the first scan is unknown to the listing, yet requesting it looks its log up by the names
 * Spark gives it — in a root or a project folder, single file or rolling — and answers instead of 404.
 */

const SAMPLE_ID = 'app-20161115172038-0000';
const lines = fs.readFileSync(path.join(SPARK_EVENTS_DIR, SAMPLE_ID), 'utf8').split('\n').filter((l) => l.length > 0);
const withAppId = (id: string) => lines.map((l) => l.replaceAll(SAMPLE_ID, id));
const zstd = (text: string[]) => {
  const enc = createEncoder('zstd');
  return Buffer.concat([...text.map((l) => enc.write(Buffer.from(l + '\n'))), enc.end()]);
};

describe('an application requested before the scan found it', () => {
  let root: string;
  let server: ServerHandle;
  let expectedJobs: unknown;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-ondemand-'));
    fs.mkdirSync(path.join(root, 'sales'));
    fs.copyFileSync(path.join(SPARK_EVENTS_DIR, SAMPLE_ID), path.join(root, 'sales', SAMPLE_ID));
    server = await startServerProcess(['--event-logs', root, '--scan-interval-ms', '3600000']);
    expectedJobs = await (await fetch(`${server.url}/api/v1/applications/${SAMPLE_ID}/jobs`)).json();
    // Written after the first scan, which will not come again for an hour.
    fs.writeFileSync(path.join(root, 'app-late-zstd-0000.zstd'), zstd(withAppId('app-late-zstd-0000')));
    const dir = path.join(root, 'sales', 'eventlog_v2_app-late-rolling-0000');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'events_1_app-late-rolling-0000.zstd'), zstd(withAppId('app-late-rolling-0000')));
    fs.writeFileSync(path.join(dir, 'appstatus_app-late-rolling-0000'), '');
  });

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('is not listed, since no scan has seen it', async () => {
    const apps = (await (await fetch(`${server.url}/api/v1/applications`)).json()) as { id: string }[];
    expect(apps.map((a) => a.id)).toEqual([SAMPLE_ID]);
  });

  it('is found, replayed and answered when asked for (a compressed file in a root)', async () => {
    const res = await fetch(`${server.url}/api/v1/applications/app-late-zstd-0000/jobs`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(expectedJobs);
    // The listing takes in the finished replay within its rebuild interval (until then: the head's peek).
    let app = await (await fetch(`${server.url}/api/v1/applications/app-late-zstd-0000`)).json();
    for (let i = 0; i < 50 && !app.attempts[0].completed; i++) {
      await new Promise((r) => setTimeout(r, 100));
      app = await (await fetch(`${server.url}/api/v1/applications/app-late-zstd-0000`)).json();
    }
    expect(app).toMatchObject({ id: 'app-late-zstd-0000', name: 'Spark shell', attempts: [{ completed: true, sparkUser: 'jose' }] });
  });

  it('is found in a project folder, as a rolling log, by its application resource', async () => {
    const res = await fetch(`${server.url}/api/v1/applications/app-late-rolling-0000`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 'app-late-rolling-0000', attempts: [{ sparkUser: 'jose' }] });
    const page = await (await fetch(`${server.url}/api/console/apps?search=app-late-rolling-0000`)).json();
    expect(page.items[0]).toMatchObject({ id: 'app-late-rolling-0000', project: 'sales' });
  });

  it('and is listed from then on', async () => {
    const apps = (await (await fetch(`${server.url}/api/v1/applications`)).json()) as { id: string }[];
    expect(apps.map((a) => a.id).sort()).toEqual([SAMPLE_ID, 'app-late-rolling-0000', 'app-late-zstd-0000']);
  });

  it('an application with no log anywhere is still Spark\'s 404', async () => {
    const res = await fetch(`${server.url}/api/v1/applications/app-nowhere-0000/jobs`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('no such app: app-nowhere-0000');
    const escape = await fetch(`${server.url}/api/v1/applications/..%2F..%2Fetc%2Fpasswd/jobs`);
    expect(escape.status).toBe(404);
  });
});
