import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerHandle, startServerProcess } from '../support/serverProcess.js';
import { SPARK_DATE_PATTERN } from '../../src/api/spark/sparkDate.js';
import { getJson, sampleAs, sampleText, tempDir } from './helpers.js';

/**
 * Issue 9 (5, 6): values outside what Spark writes (±Long.Max times, non-integer ids) are bounded when read:
 * the listing answers, the app stays listed with what could be read, no route answers 500.
 */
const MAX = '9223372036854775807';
const root = tempDir('values');
let server: ServerHandle;

const edits: Record<string, (text: string) => string> = {
  // 5: application start/end times
  'app-start-max': (t) => t.replace(/("Event":"SparkListenerApplicationStart".*?"Timestamp":)\d+/, `$1${MAX}`),
  'app-start-min': (t) => t.replace(/("Event":"SparkListenerApplicationStart".*?"Timestamp":)\d+/, `$1-${MAX}`),
  'app-end-max': (t) => t.replace(/("Event":"SparkListenerApplicationEnd".*?"Timestamp":)\d+/, `$1${MAX}`),
  'app-end-min': (t) => t.replace(/("Event":"SparkListenerApplicationEnd".*?"Timestamp":)\d+/, `$1-${MAX}`),
  // 6: ids and times inside the replay
  'job-id-fraction': (t) => t.replace(/"Job ID":0/g, '"Job ID":1.5'),
  'job-id-max': (t) => t.replace(/"Job ID":1/g, `"Job ID":${MAX}`),
  'task-id-fraction': (t) => t.replace(/"Task ID":3,/g, '"Task ID":2.5,'),
  'task-id-max': (t) => t.replace(/"Task ID":4,/g, `"Task ID":${MAX},`),
  'rdd-id-fraction': (t) => t.replace(/"RDD ID":1,/g, '"RDD ID":1.5,'),
  'stage-id-fraction': (t) => t.replace(/"Stage ID":1,/g, '"Stage ID":1.25,'),
  'launch-time-max': (t) => t.replace(/"Launch Time":\d+/g, `"Launch Time":${MAX}`),
  'launch-time-min': (t) => t.replace(/"Launch Time":\d+/g, `"Launch Time":-${MAX}`),
  'finish-time-max': (t) => t.replace(/"Finish Time":(?!0)\d+/g, `"Finish Time":${MAX}`),
  'submission-time-max': (t) => t.replace(/"Submission Time":\d+/g, `"Submission Time":${MAX}`).replace(/"Completion Time":\d+/g, `"Completion Time":-${MAX}`),
  'executor-time-max': (t) => t.replace(/("Event":"SparkListenerBlockManagerAdded".*?"Timestamp":)\d+/, `$1${MAX}`),
};

beforeAll(async () => {
  const text = sampleText();
  for (const [id, edit] of Object.entries(edits)) {
    const edited = edit(sampleAs(id, text));
    expect(edited, id).not.toBe(sampleAs(id, text));
    fs.writeFileSync(path.join(root, id), edited);
  }
  server = await startServerProcess(['--event-logs', root]);
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

const ROUTES = [
  '',
  '/jobs',
  '/jobs/0',
  '/jobs/1',
  '/stages',
  '/stages?details=true',
  '/stages?details=true&withSummaries=true',
  '/stages/0',
  '/stages/1',
  '/stages/1/0',
  '/stages/1/0?details=true&withSummaries=true',
  '/stages/1/0/taskSummary',
  '/stages/1/0/taskList',
  '/stages/1/0/taskList?sortBy=-runtime',
  '/stages/0/0/taskList',
  '/executors',
  '/allexecutors',
  '/storage/rdd',
  '/environment',
  '/sql',
];

describe('values out of range', () => {
  it('lists every application (the listing answers 200)', async () => {
    const res = await getJson(`${server.url}/api/v1/applications`);
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expect(res.body.map((a: { id: string }) => a.id).sort()).toEqual(Object.keys(edits).sort());
    for (const q of ['?status=completed', '?status=running', '?minDate=2015-01-01', '?maxEndDate=2020-01-01', '?limit=3']) {
      expect((await getJson(`${server.url}/api/v1/applications${q}`)).status, q).toBe(200);
    }
    expect((await getJson(`${server.url}/api/console/apps`)).status).toBe(200);
  });

  it('replays each application with what could be read and never answers 500', async () => {
    for (const id of Object.keys(edits)) {
      const jobs = await getJson(`${server.url}/api/v1/applications/${id}/jobs`);
      expect(jobs.status, `${id}: ${jobs.text.slice(0, 300)}`).toBe(200);
      expect(jobs.body.length, id).toBeGreaterThanOrEqual(2);
      for (const r of ROUTES) {
        const res = await getJson(`${server.url}/api/v1/applications/${id}${r}`);
        expect(res.status, `${id}${r}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
        // Every date is one Spark's format (and its clients) can read: a four-digit year.
        for (const d of res.text.match(/"\d{4,}-\d\d-\d\dT[^"]*"|"[+-]\d+-\d\d-\d\dT[^"]*"/g) ?? []) {
          expect(d, `${id}${r}`).toMatch(new RegExp(`^"${SPARK_DATE_PATTERN.slice(1, -1)}"$`));
        }
      }
    }
  });

  it('keeps the stage routes of a task launched at Long.Max', async () => {
    const tasks = await getJson(`${server.url}/api/v1/applications/launch-time-max/stages/1/0/taskList`);
    expect(tasks.status, tasks.text.slice(0, 300)).toBe(200);
    expect(tasks.body).toHaveLength(8);
  });
});
