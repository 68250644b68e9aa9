import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../support/serverProcess.js';
import { CONFORMANCE_DIR } from '../support/sharedData.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-restart-'));
const args = ['--event-logs', path.join(CONFORMANCE_DIR, 'spark-events')];
const stores = () => fs.readdirSync(path.join(dataDir, 'apps')).filter((f) => f.endsWith('.db')).sort();
const jobs = async (url: string) => (await fetch(`${url}/api/v1/applications/local-1422981780767/jobs`)).json();

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('restart', () => {
  it('reuses the stores of unchanged logs instead of replaying them', async () => {
    let server = await startServerProcess(args, { dataDir });
    const first = stores();
    const answer = await jobs(server.url);
    await server.stop();
    expect(first.length).toBe(18);

    server = await startServerProcess(args, { dataDir });
    expect(await jobs(server.url)).toEqual(answer);
    expect(stores()).toEqual(first); // a replay would have written new store files
    await server.stop();
  });

  it('replays everything when the stores were written by another store version', async () => {
    const before = stores();
    const index = new Database(path.join(dataDir, 'index.db'));
    index.pragma('user_version = 1');
    index.close();
    const server = await startServerProcess(args, { dataDir });
    const after = stores();
    expect(after.length).toBe(18);
    expect(after.filter((f) => before.includes(f))).toEqual([]);
    expect((await jobs(server.url)).length).toBe(3);
    await server.stop();
  });
});
