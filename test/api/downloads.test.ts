import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFORMANCE, type ServerHandle, startServerProcess } from '../support/serverProcess.js';
import { readZipEntries } from '../support/zipReader.js';

const SAMPLE = path.join(CONFORMANCE, 'spark-events', 'local-1422981780767');
const APP_ID = 'local-1422981780767';

/** Lines of an event nobody folds, random enough that deflate cannot shrink them away. */
function paddingLines(bytes: number): string {
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const line = `{"Event":"org.example.Padding","data":"${crypto.randomBytes(96).toString('base64')}"}\n`;
    out.push(line);
    size += line.length;
  }
  return out.join('');
}

/** Starts a GET, lets the server fill the socket, runs `meanwhile`, then reads the rest. */
function slowDownload(url: string, meanwhile: () => void): Promise<{ status: number; body: Buffer; aborted: boolean }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        res.pause();
        setTimeout(() => {
          meanwhile();
          const chunks: Buffer[] = [];
          let aborted = false;
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('aborted', () => (aborted = true));
          res.on('error', () => (aborted = true));
          res.on('close', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), aborted: aborted || !res.complete }));
          res.resume();
        }, 500);
      })
      .on('error', reject);
  });
}

describe('event-log download of a growing log', () => {
  let root: string;
  let server: ServerHandle;
  let original: Buffer;
  const file = () => path.join(root, `${APP_ID}.inprogress`);

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-download-'));
    // Without the end event, so the app is running; 24 MB so the zip cannot fit in socket buffers.
    const lines = fs.readFileSync(SAMPLE, 'utf8').split('\n').filter((l) => l.length > 0 && !l.includes('SparkListenerApplicationEnd'));
    original = Buffer.from(lines.join('\n') + '\n' + paddingLines(24 << 20));
    fs.writeFileSync(file(), original);
    server = await startServerProcess(['--event-logs', root, '--scan-interval-ms', '200']);
  });

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('sends the log as it stood at the request while it grows, and the server stays up', async () => {
    const { status, body, aborted } = await slowDownload(`${server.url}/api/v1/applications/${APP_ID}/logs`, () =>
      fs.appendFileSync(file(), paddingLines(1 << 20)),
    );
    expect(status).toBe(200);
    expect(aborted).toBe(false);
    const entries = readZipEntries(body);
    expect([...entries.keys()]).toEqual([`${APP_ID}.inprogress`]);
    expect(entries.get(`${APP_ID}.inprogress`)!.equals(original)).toBe(true);
    expect(server.process.exitCode).toBeNull();
    expect((await fetch(`${server.url}/api/v1/version`)).status).toBe(200);
  });

  it('aborts only its own response when the log shrinks mid-download', async () => {
    const { aborted } = await slowDownload(`${server.url}/api/v1/applications/${APP_ID}/logs`, () => fs.truncateSync(file(), 1000));
    expect(aborted).toBe(true);
    expect(server.process.exitCode).toBeNull();
    expect((await fetch(`${server.url}/api/v1/version`)).status).toBe(200);
  });
});
