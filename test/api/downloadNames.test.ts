import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_ID, sampleText, tempDir } from '../reliability/helpers.js';
import { type ServerHandle, startServerProcess } from '../support/serverProcess.js';
import { readZipEntries } from '../support/zipReader.js';

/**
 * Download names of applications whose ids are not plain: `spark.app.id` is the user's choice in local mode,
 * so it may hold a quote, CR/LF or non-ASCII. Spark names the event log `sanitize(appId)` (spaces, colons and
 * slashes to `-`, dots, `$ { } ' "` to `_`, lower-cased: CR/LF and non-ASCII stay) and the persisted driver
 * log `<appId>_driver.log` as is. Every download route must answer with one Content-Disposition, all ASCII,
 * whose `filename*` gives the name back exactly.
 */
const IDS = ['local-quote"1', 'local-crlf\r\nSet-Cookie: a=b', 'local-作业-1', 'Local "作业";\r\n\tx'];

/** Utils.sanitizeDirName, as Spark names event-log files. */
const sparkFileName = (appId: string) => appId.replace(/[ :/]/g, '-').replace(/[.${}'"]/g, '_').toLowerCase();

const base = tempDir('download-names');
const events = path.join(base, 'events');
const appLogs = path.join(base, 'app-logs');
let server: ServerHandle;

beforeAll(async () => {
  fs.mkdirSync(events);
  fs.mkdirSync(appLogs);
  const text = sampleText();
  for (const id of IDS) {
    fs.writeFileSync(path.join(events, sparkFileName(id)), text.split(`"App ID":"${SAMPLE_ID}"`).join(`"App ID":${JSON.stringify(id)}`));
    fs.writeFileSync(path.join(appLogs, `${id}_driver.log`), `driver of ${id}\n`);
  }
  server = await startServerProcess(['--event-logs', events, '--app-logs', appLogs]);
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(base, { recursive: true, force: true });
});

/** A GET with the raw response headers: repeated headers are seen as such, not joined. */
function get(urlPath: string): Promise<{ status: number; rawHeaders: string[]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(server.url + urlPath, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** The one Content-Disposition of an answer, checked to be safe ASCII, and the name its `filename*` gives. */
function downloadName(rawHeaders: string[]): string {
  const values = rawHeaders.filter((_, i) => i % 2 === 1 && rawHeaders[i - 1]!.toLowerCase() === 'content-disposition');
  expect(values).toHaveLength(1);
  const header = values[0]!;
  expect(header).toMatch(/^[\x20-\x7e]+$/);
  const m = /^attachment; filename="([A-Za-z0-9._-]+)"; filename\*=UTF-8''([A-Za-z0-9._~!$&+^`|%-]+)$/.exec(header);
  expect(m, header).not.toBeNull();
  // No other header was made from the name.
  expect(rawHeaders.filter((_, i) => i % 2 === 0).map((h) => h.toLowerCase())).not.toContain('set-cookie');
  return decodeURIComponent(m![2]!);
}

describe.each(IDS)('downloads of %j', (id) => {
  const app = encodeURIComponent(id);

  it('is listed under its own id', async () => {
    const res = await get(`/api/v1/applications/${app}`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString()).id).toBe(id);
  });

  it('event-log zip', async () => {
    const res = await get(`/api/v1/applications/${app}/logs`);
    expect(res.status).toBe(200);
    expect(downloadName(res.rawHeaders)).toBe(`eventLogs-${id}.zip`);
    expect([...readZipEntries(res.body).keys()]).toEqual([sparkFileName(id)]);
  });

  it('zip of every log', async () => {
    const res = await get(`/api/console/apps/${app}/all-logs.zip`);
    expect(res.status).toBe(200);
    expect(downloadName(res.rawHeaders)).toBe(`${id}-logs.zip`);
    const entries = readZipEntries(res.body);
    expect([...entries.keys()].sort()).toEqual([`${id}/driver/${id}_driver.log`, `${id}/eventlog/${sparkFileName(id)}`].sort());
    expect(entries.get(`${id}/driver/${id}_driver.log`)!.toString()).toBe(`driver of ${id}\n`);
  });

  it('one log', async () => {
    const res = await get(`/api/console/apps/${app}/logs/driver/driver.log/download`);
    expect(res.status).toBe(200);
    expect(downloadName(res.rawHeaders)).toBe(`${id}-driver-driver.log`);
    expect(res.body.toString()).toBe(`driver of ${id}\n`);
  });
});
