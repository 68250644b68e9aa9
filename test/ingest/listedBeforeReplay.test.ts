import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEncoder } from '../../src/demo/encoders/index.js';
import type { CodecName } from '../../src/server/eventlog/codecs/index.js';
import { SPARK_DEFAULT_RETENTION, type ServerConfig } from '../../src/server/config.js';
import { IngestCoordinator } from '../../src/server/ingest/ingestCoordinator.js';
import { AppCatalog } from '../../src/server/api/appCatalog.js';
import { applicationInfoJson } from '../../src/server/api/appListing.js';
import { IndexDb } from '../../src/server/store/indexDb.js';
import { SPARK_EVENTS_DIR } from '../support/sharedData.js';

/*
 * Compressed and rolling logs are listed by the scan from their decoded head (name, user, start) and their
 * layout (a rolling log's appstatus marker, a file's `.inprogress`), before any replay. The replay worker here
 * takes every replay and never finishes one, so whatever is listed came from the scan alone.
 */

const SAMPLE_ID = 'app-20161115172038-0000';
const lines = fs.readFileSync(path.join(SPARK_EVENTS_DIR, SAMPLE_ID), 'utf8').split('\n').filter((l) => l.length > 0);
const START = 1479252037079;
const withAppId = (id: string) => lines.map((l) => l.replaceAll(SAMPLE_ID, id));

function encode(codec: CodecName, text: string[]): Buffer {
  const enc = createEncoder(codec);
  const parts: Uint8Array[] = [];
  for (const line of text) parts.push(enc.write(Buffer.from(line + '\n')));
  parts.push(enc.end());
  return Buffer.concat(parts);
}

function writeRolling(root: string, id: string, inProgress: boolean): void {
  const dir = path.join(root, `eventlog_v2_${id}`);
  fs.mkdirSync(dir);
  const all = withAppId(id);
  const half = Math.ceil(all.length / 2);
  fs.writeFileSync(path.join(dir, `events_1_${id}.zstd`), encode('zstd', all.slice(0, half)));
  fs.writeFileSync(path.join(dir, `events_2_${id}.zstd`), encode('zstd', all.slice(half)));
  fs.writeFileSync(path.join(dir, `appstatus_${id}${inProgress ? '.inprogress' : ''}`), '');
}

describe('logs listed by the scan while their replays are held back', () => {
  let root: string;
  let dataDir: string;
  let index: IndexDb;
  let ingest: IngestCoordinator;
  let catalog: AppCatalog;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-peek-'));
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-peek-data-'));
    for (const codec of ['lz4', 'snappy', 'zstd'] as const) fs.writeFileSync(path.join(root, `app-${codec}-0000.${codec}`), encode(codec, withAppId(`app-${codec}-0000`)));
    writeRolling(root, 'app-rolling-done-0000', false);
    writeRolling(root, 'app-rolling-live-0000', true);
    fs.writeFileSync(path.join(root, 'app-plain-0000'), withAppId('app-plain-0000').join('\n') + '\n');
    const config: ServerConfig = {
      eventLogRoots: [root],
      appLogRoots: [],
      host: '127.0.0.1',
      port: 0,
      dataDir,
      webDir: dataDir,
      scanIntervalMs: 3_600_000,
      retention: SPARK_DEFAULT_RETENTION,
      ingestWorkers: 1,
      maxLineBytes: 64 * 1024 * 1024,
      authMode: 'none',
      console: { projects: [], users: [] },
      session: { idleMs: 3_600_000, maxMs: 3_600_000 },
    };
    index = new IndexDb(path.join(dataDir, 'index.db'));
    ingest = new IngestCoordinator(config, index, new URL('./heldReplayWorker.mjs', import.meta.url));
    await ingest.start();
    catalog = new AppCatalog(index, ingest, () => 'default');
  });

  afterAll(async () => {
    await ingest?.stop();
    catalog?.close();
    index?.close();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('has replayed nothing', () => {
    const rows = index.all();
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.state === 'pending' && r.dbFile === null)).toBe(true);
    expect(ingest.pendingCount).toBe(6);
  });

  it('lists compressed single files with name, user and start decoded from their head; final, so not running', () => {
    const items = new Map(catalog.listItems().map((i) => [i.id, i]));
    for (const codec of ['lz4', 'snappy', 'zstd']) {
      const mtime = Math.round(fs.statSync(path.join(root, `app-${codec}-0000.${codec}`)).mtimeMs);
      // Without a replay, how it ended is not known yet: `unknown`, at the file's time.
      expect(items.get(`app-${codec}-0000`)).toMatchObject({ name: 'Spark shell', sparkUser: 'jose', startTime: START, status: 'unknown', endTime: mtime, logPath: `app-${codec}-0000.${codec}` });
    }
  });

  it('lists rolling logs with their head, running or not by their appstatus marker', () => {
    const items = new Map(catalog.listItems().map((i) => [i.id, i]));
    expect(items.get('app-rolling-live-0000')).toMatchObject({ name: 'Spark shell', sparkUser: 'jose', startTime: START, status: 'running', endTime: null });
    expect(items.get('app-rolling-done-0000')).toMatchObject({ name: 'Spark shell', sparkUser: 'jose', startTime: START, status: 'unknown' });
  });

  it('lists a plain file complete, its end event read from the tail', () => {
    const end = Number(/"Event":"SparkListenerApplicationEnd","Timestamp":(\d+)/.exec(lines.join('\n'))![1]);
    const plain = catalog.listItems().find((i) => i.id === 'app-plain-0000');
    expect(plain).toMatchObject({ status: 'succeeded', startTime: START, endTime: end });
  });

  it('answers Spark\'s application list from the same peeks', () => {
    const apps = catalog.applications().map(applicationInfoJson);
    expect(apps.map((a) => a.id).sort()).toEqual(
      ['app-lz4-0000', 'app-plain-0000', 'app-rolling-done-0000', 'app-rolling-live-0000', 'app-snappy-0000', 'app-zstd-0000'],
    );
    const zstd = apps.find((a) => a.id === 'app-zstd-0000')!;
    expect(zstd).toMatchObject({ name: 'Spark shell', attempts: [{ sparkUser: 'jose', startTimeEpoch: START, completed: false, appSparkVersion: '2.1.0-SNAPSHOT' }] });
  });
});
