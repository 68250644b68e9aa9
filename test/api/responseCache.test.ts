import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFORMANCE, type ServerHandle, startServerProcess } from '../support/serverProcess.js';

const FINISHED = 'local-1422981780767';
const RUNNING = 'local-1422981759269';

/** A raw GET (fetch would decompress and hide Content-Encoding). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('answers of finished applications are cached per store version', () => {
  let root: string;
  let server: ServerHandle;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-cache-'));
    fs.copyFileSync(path.join(CONFORMANCE, 'spark-events', FINISHED), path.join(root, FINISHED));
    const lines = fs.readFileSync(path.join(CONFORMANCE, 'spark-events', RUNNING), 'utf8').split('\n');
    fs.writeFileSync(path.join(root, `${RUNNING}.inprogress`), lines.filter((l) => !l.includes('SparkListenerApplicationEnd')).join('\n'));
    server = await startServerProcess(['--event-logs', root]);
  });

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('gives an entity tag, answers 304 to it, and sends the same bytes gzipped when asked', async () => {
    const url = `${server.url}/api/v1/applications/${FINISHED}/stages?details=false`;
    const first = await get(url);
    expect(first.status).toBe(200);
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await get(url);
    expect(again.headers.etag).toBe(etag);
    expect(again.body.equals(first.body)).toBe(true);
    const notModified = await get(url, { 'If-None-Match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    const gzipped = await get(url, { 'Accept-Encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzipped.body).equals(first.body)).toBe(true);
  });

  it('leaves running applications and errors uncached', async () => {
    const running = await get(`${server.url}/api/v1/applications/${RUNNING}/jobs`);
    expect(running.status).toBe(200);
    expect(running.headers.etag).toBeUndefined();
    expect(running.headers['cache-control']).toBe('no-cache, no-store, must-revalidate');
    const unknown = await get(`${server.url}/api/v1/applications/${FINISHED}/jobs/999`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.etag).toBeUndefined();
  });
});
