import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEncoder } from '../../src/demo/encoders/index.js';
import type { CodecName } from '../../src/server/eventlog/codecs/index.js';
import { type ServerHandle, startServerProcess } from '../support/serverProcess.js';
import { SPARK_EVENTS_DIR } from '../support/sharedData.js';

/**
 * The same Spark sample log written in every layout and codec Spark uses — single files per codec, and a
 * rolling zstd log split over three files — must answer exactly like the plain file.
 */
const SAMPLE_ID = 'app-20161115172038-0000';
const lines = fs.readFileSync(path.join(SPARK_EVENTS_DIR, SAMPLE_ID), 'utf8').split('\n').filter((l) => l.length > 0);
const CODECS: CodecName[] = ['lz4', 'snappy', 'zstd', 'lzf'];

const withAppId = (id: string) => lines.map((l) => l.replaceAll(SAMPLE_ID, id));

/** Encodes lines the way Spark's writer does: flush after job/stage/executor events (spec §1.7). */
function encode(codec: CodecName, text: string[]): Buffer {
  const enc = createEncoder(codec);
  const parts: Uint8Array[] = [];
  for (const line of text) {
    parts.push(enc.write(Buffer.from(line + '\n')));
    if (/"Event":"SparkListener(Job|Stage(Completed)|Executor|BlockManager|Application)/.test(line)) parts.push(enc.flush());
  }
  parts.push(enc.end());
  return Buffer.concat(parts);
}

let root: string;
let server: ServerHandle;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-codecs-'));
  fs.copyFileSync(path.join(SPARK_EVENTS_DIR, SAMPLE_ID), path.join(root, SAMPLE_ID));
  for (const codec of CODECS) {
    const id = `app-${codec}-0000`;
    fs.writeFileSync(path.join(root, `${id}.${codec}`), encode(codec, withAppId(id)));
  }
  // Rolling: three zstd files and the appstatus marker.
  const id = 'app-rolling-0000';
  const dir = path.join(root, `eventlog_v2_${id}`);
  fs.mkdirSync(dir);
  const all = withAppId(id);
  const third = Math.ceil(all.length / 3);
  for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(dir, `events_${i + 1}_${id}.zstd`), encode('zstd', all.slice(i * third, (i + 1) * third)));
  fs.writeFileSync(path.join(dir, `appstatus_${id}`), '');
  server = await startServerProcess(['--event-logs', root]);
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

const get = async (p: string) => (await fetch(server.url + p)).json();
const endpoints = ['jobs', 'stages?details=true', 'allexecutors', 'stages/0/0/taskSummary', 'stages/0/0/taskList?length=100', 'environment'];

describe('compressed and rolling logs answer like the plain log', () => {
  for (const id of [...CODECS.map((c) => `app-${c}-0000`), 'app-rolling-0000']) {
    it(id, async () => {
      for (const ep of endpoints) {
        const plain = JSON.stringify(await get(`/api/v1/applications/${SAMPLE_ID}/${ep}`)).replaceAll(SAMPLE_ID, id);
        const other = JSON.stringify(await get(`/api/v1/applications/${id}/${ep}`));
        expect(other, ep).toBe(plain);
      }
    });
  }
});
