import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFORMANCE, type ServerHandle, startServerProcess } from '../support/serverProcess.js';

const SAMPLE = path.join(CONFORMANCE, 'spark-events', 'local-1422981780767');
const lines = fs.readFileSync(SAMPLE, 'utf8').split('\n').filter((l) => l.length > 0);

async function poll<T>(fn: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('an in-progress log', () => {
  let root: string;
  let server: ServerHandle;
  const file = () => path.join(root, 'local-1422981780767.inprogress');
  // Everything up to (not including) the second job's start, with the last line torn in half.
  const secondJob = lines.findIndex((l, i) => i > 0 && l.includes('"Event":"SparkListenerJobStart"') && l.includes('"Job ID":1'));

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-live-'));
    const head = lines.slice(0, secondJob).join('\n') + '\n' + lines[secondJob]!.slice(0, 40);
    fs.writeFileSync(file(), head);
    server = await startServerProcess(['--event-logs', root, '--scan-interval-ms', '200']);
  });

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('is listed as running, with the torn last line not counted as malformed', async () => {
    const apps = await (await fetch(`${server.url}/api/v1/applications?status=running`)).json();
    expect(apps.map((a: { id: string }) => a.id)).toContain('local-1422981780767');
    const page = await (await fetch(`${server.url}/api/console/apps?search=local-1422981780767`)).json();
    expect(page.items[0].status).toBe('running');
    expect(page.items[0].skippedLines).toBe(0);
    const jobs = await (await fetch(`${server.url}/api/v1/applications/local-1422981780767/jobs`)).json();
    expect(jobs).toHaveLength(1);
  });

  it('picks up growth within about a second, announces it on the change feed, and completes', async () => {
    const events: string[] = [];
    const controller = new AbortController();
    const feed = fetch(`${server.url}/api/console/apps/local-1422981780767/changes`, { signal: controller.signal }).then(async (res) => {
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        events.push(decoder.decode(value));
      }
    }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 200));

    const appendedAt = Date.now();
    fs.appendFileSync(file(), lines[secondJob]!.slice(40) + '\n' + lines.slice(secondJob + 1).join('\n') + '\n');
    const jobs = await poll(async () => {
      const j = await (await fetch(`${server.url}/api/v1/applications/local-1422981780767/jobs`)).json();
      return j.length === 3 ? j : undefined;
    });
    const seenAfter = Date.now() - appendedAt;
    expect(jobs.map((j: { jobId: number }) => j.jobId)).toEqual([2, 1, 0]);
    expect(seenAfter).toBeLessThan(5000); // generous for CI; the scan interval here is 200 ms
    const app = await (await fetch(`${server.url}/api/v1/applications/local-1422981780767`)).json();
    expect(app.attempts[0].completed).toBe(true);
    await poll(async () => (events.join('').includes('event: complete') ? true : undefined));
    controller.abort();
    await feed;
  });
});

describe('the shared rolling log', () => {
  let server: ServerHandle;
  beforeAll(async () => {
    server = await startServerProcess(['--event-logs', path.join(CONFORMANCE, 'rolling')]);
  });
  afterAll(async () => server?.stop());

  it('is listed and served', async () => {
    const apps = await (await fetch(`${server.url}/api/v1/applications`)).json();
    expect(apps).toHaveLength(1);
    const id = apps[0].id as string;
    expect(id).toMatch(/^spark-/);
    expect(apps[0].attempts[0].completed).toBe(true);
    expect(apps[0].attempts[0].appSparkVersion).toBe('3.5.3');
    const jobs = await (await fetch(`${server.url}/api/v1/applications/${id}/jobs`)).json();
    expect(jobs.length).toBeGreaterThan(0);
    const stages = await (await fetch(`${server.url}/api/v1/applications/${id}/stages`)).json();
    expect(stages.length).toBeGreaterThan(0);
    const res = await fetch(`${server.url}/api/v1/applications/${id}/logs`);
    expect(res.status).toBe(200);
    const zip = Buffer.from(await res.arrayBuffer());
    expect(zip.includes(Buffer.from(`eventlog_v2_${id}/events_1_${id}`))).toBe(true);
    expect(zip.includes(Buffer.from(`eventlog_v2_${id}/appstatus_${id}`))).toBe(true);
  });
});
