import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipEntries } from '../support/zipReader.js';
import { type ServerHandle, startServerProcess } from '../support/serverProcess.js';
import { SPARK_EVENTS_DIR } from '../support/sharedData.js';

/*
 * Every name a log request carries (app id, executor id, log type) is resolved inside its root: traversal in
 * any spelling, absolute paths, NUL bytes and symlinks that leave the root are refused with a 4xx and read
 * nothing. Damaged, binary and huge-line files answer with a clear message instead of a 500.
 */
const APP = 'app-20161115172038-0000';
const SECRET = 'TOP-SECRET-OUTSIDE-THE-ROOT';
let root: string;
let execDir: string;
let server: ServerHandle;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-logsafety-'));
  const events = path.join(root, 'event-logs', 'proj_a');
  const logs = path.join(root, 'app-logs', 'proj_a');
  execDir = path.join(logs, APP, '1');
  fs.mkdirSync(events, { recursive: true });
  fs.mkdirSync(execDir, { recursive: true });
  fs.copyFileSync(path.join(SPARK_EVENTS_DIR, APP), path.join(events, APP));
  fs.writeFileSync(path.join(execDir, 'stderr'), '16/11/15 23:20:00 INFO Executor: fine\n');
  fs.writeFileSync(path.join(execDir, 'stdout'), 'printed\n');
  // Outside the root: a secret file and a folder that looks like an executor's.
  const outside = path.join(root, 'outside');
  fs.mkdirSync(path.join(outside, 'exec'), { recursive: true });
  fs.writeFileSync(path.join(outside, 'secret.txt'), `${SECRET}\n`);
  fs.writeFileSync(path.join(outside, 'exec', 'stdout'), `${SECRET}\n`);
  // Links leaving the root: a rolled piece, an active file, an executor folder.
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(execDir, 'stdout--2016-11-15--23-19-00--0001'));
  fs.mkdirSync(path.join(logs, APP, '2'));
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(logs, APP, '2', 'stderr'));
  fs.symlinkSync(path.join(outside, 'exec'), path.join(logs, APP, '3'));
  // Damaged, binary and huge-line logs.
  fs.mkdirSync(path.join(logs, APP, '4'));
  fs.writeFileSync(path.join(logs, APP, '4', 'stderr--2016-11-15--23-19-00--0001.gz'), zlib.gzipSync(Buffer.from(Array.from({ length: 20_000 }, (_, i) => ((i * 2654435761) >>> 0).toString(16)).join(''))).subarray(0, 20_000));
  fs.writeFileSync(path.join(logs, APP, '4', 'stderr'), 'after the damaged piece\n');
  fs.mkdirSync(path.join(logs, APP, '5'));
  fs.writeFileSync(path.join(logs, APP, '5', 'stdout'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0, 0xff, 0xfe]));
  fs.writeFileSync(path.join(logs, APP, '5', 'stderr'), `${'y'.repeat(3 * 1024 * 1024)} NEEDLE\n`);
  server = await startServerProcess(['--event-logs', path.join(root, 'event-logs'), '--app-logs', path.join(root, 'app-logs')]);
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

/** The raw path as typed (fetch would normalise `..`), answered over HTTP. */
async function raw(p: string): Promise<{ status: number; body: string }> {
  const { request } = await import('node:http');
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: p, method: 'GET' }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('latin1') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const HOSTILE_NAMES = ['..', '%2e%2e', '%2E%2E', '..%2F..%2F..%2Foutside%2Fsecret.txt', '%2e%2e%2f%2e%2e%2foutside', '..%5C..%5Coutside', '%2Fetc%2Fpasswd', '%2Ftmp', 'x%00', '%00', '1%2F..%2F..%2F..%2Foutside', '....%2F%2F'];

describe('names in log requests stay inside their root', () => {
  const routes = (appId: string, exec: string, type: string) => [
    `/api/console/apps/${appId}/logs/${exec}/${type}`,
    `/api/console/apps/${appId}/logs/${exec}/${type}/download`,
    `/api/console/apps/${appId}/logs/${exec}/${type}/search?q=SECRET`,
  ];

  it('refuses hostile app ids, executor ids and log types in every spelling, and reads nothing', async () => {
    const tried: string[] = [];
    for (const bad of HOSTILE_NAMES) {
      tried.push(...routes(bad, '1', 'stdout'), ...routes(APP, bad, 'stdout'), ...routes(APP, '1', bad));
      tried.push(`/api/console/apps/${bad}/logs`, `/api/console/apps/${bad}/all-logs.zip`, `/api/console/apps/${bad}/logs-search?q=SECRET`);
    }
    // Unencoded traversal, as a hand-made request can send it.
    tried.push(`/api/console/apps/${APP}/logs/../../../outside/secret.txt`, `/api/console/apps/${APP}/logs/1/../../../../outside/secret.txt`);
    for (const p of tried) {
      const res = await raw(p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.status, p).toBeLessThan(500);
      expect(res.body, p).not.toContain(SECRET);
      expect(res.body, p).not.toContain(root);
    }
  });

  it('leaves out links that leave the root: a rolled piece, an active file, an executor folder', async () => {
    const list = JSON.parse((await raw(`/api/console/apps/${APP}/logs`)).body) as { files: { executorId: string; logType: string; pieces?: string[] }[] };
    const names = list.files.map((f) => `${f.executorId}/${f.logType}`);
    expect(names).not.toContain('2/stderr');
    expect(names.filter((n) => n.startsWith('3/'))).toEqual([]);
    expect(list.files.find((f) => f.executorId === '1' && f.logType === 'stdout')?.pieces).toBeUndefined();
    const stdout = await raw(`/api/console/apps/${APP}/logs/1/stdout?offset=0`);
    expect(JSON.parse(stdout.body).text).toBe('printed\n');
    for (const p of [`/api/console/apps/${APP}/logs/2/stderr`, `/api/console/apps/${APP}/logs/3/stdout`, `/api/console/apps/${APP}/logs/3/stdout/download`]) {
      const res = await raw(p);
      expect(res.status, p).toBe(404);
      expect(res.body, p).not.toContain(SECRET);
    }
    const search = await raw(`/api/console/apps/${APP}/logs-search?q=${SECRET}`);
    expect(search.body).not.toContain(`"total":1`);
    const zip = await fetch(`${server.url}/api/console/apps/${APP}/all-logs.zip`);
    const entries = readZipEntries(Buffer.from(await zip.arrayBuffer()));
    for (const [name, bytes] of entries) expect(bytes.toString('latin1'), name).not.toContain(SECRET);
    expect([...entries.keys()].some((n) => n.includes('/3/') || n.includes('/2/stderr') || n.includes('stdout--'))).toBe(false);
  });
});

describe('files that are not clean text logs', () => {
  it('a damaged gzip piece answers 422 naming the piece (no path), and the cross-file search reports it and goes on', async () => {
    const chunk = await raw(`/api/console/apps/${APP}/logs/4/stderr?offset=0`);
    expect(chunk.status).toBe(422);
    expect(chunk.body).toBe('the compressed log file stderr--2016-11-15--23-19-00--0001.gz is damaged or truncated');
    const search = await raw(`/api/console/apps/${APP}/logs/4/stderr/search?q=after`);
    expect(search.status).toBe(422);
    // Its trailer is not a real length: the damaged piece counts as empty, and the active file stays readable.
    const list = JSON.parse((await raw(`/api/console/apps/${APP}/logs`)).body) as { files: { executorId: string; logType: string; size: number }[] };
    expect(list.files.find((f) => f.executorId === '4' && f.logType === 'stderr')?.size).toBe('after the damaged piece\n'.length);
    expect(JSON.parse((await raw(`/api/console/apps/${APP}/logs/4/stderr?offset=1`)).body).text).toBe('fter the damaged piece\n');
    const all = await raw(`/api/console/apps/${APP}/logs-search?q=printed`);
    expect(all.status).toBe(200);
    expect(all.body).toContain('"error":"the compressed log file stderr--2016-11-15--23-19-00--0001.gz is damaged or truncated"');
    expect(all.body).toContain('event: done');
    // The server is still fine.
    expect((await raw(`/api/console/apps/${APP}/logs/1/stdout`)).status).toBe(200);
  });

  it('a binary file is flagged, not passed off as text', async () => {
    const chunk = JSON.parse((await raw(`/api/console/apps/${APP}/logs/5/stdout`)).body);
    expect(chunk.binary).toBe(true);
    const text = JSON.parse((await raw(`/api/console/apps/${APP}/logs/1/stdout`)).body);
    expect(text.binary).toBeUndefined();
  });

  it('a 3 MiB line is read in bounded chunks and still searched to its end', async () => {
    const tail = JSON.parse((await raw(`/api/console/apps/${APP}/logs/5/stderr?length=1024`)).body);
    expect(tail.text.endsWith(' NEEDLE\n')).toBe(true);
    expect(tail.end - tail.start).toBe(1024);
    const found = JSON.parse((await raw(`/api/console/apps/${APP}/logs/5/stderr/search?q=NEEDLE&matchCase=true`)).body);
    expect(found.total).toBe(1);
    expect(found.matches[0].offset).toBe(3 * 1024 * 1024 + 1);
    expect(found.matches[0].preview.length).toBeLessThanOrEqual(400);
  });
});
