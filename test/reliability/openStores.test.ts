import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerHandle, startServerProcess } from '../support/serverProcess.js';
import { getJson, sampleAs, sampleText, tempDir } from './helpers.js';

/**
 * Issue 9 (3): store readers are bounded. With 256 descriptors, 120 applications asked one after the other
 * (3 descriptors per open store) used to run out ("unable to open database file"); now the least recently
 * used stores are closed and reopened on demand.
 */
const root = tempDir('fds');
const APPS = 120;
let server: ServerHandle | undefined;

afterAll(async () => {
  await server?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('open stores', () => {
  it('answers every application with a low descriptor limit, twice over', async () => {
    const text = sampleText();
    for (let i = 0; i < APPS; i++) fs.writeFileSync(path.join(root, `app-${i}`), sampleAs(`app-${i}`, text));
    server = await startServerProcess(['--event-logs', root], { fdLimit: 256 });
    expect((await getJson(`${server.url}/api/v1/applications`)).body).toHaveLength(APPS);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < APPS; i++) {
        const jobs = await getJson(`${server.url}/api/v1/applications/app-${i}/jobs`);
        expect(jobs.status, `app-${i}: ${jobs.text.slice(0, 200)}`).toBe(200);
        expect(jobs.body).toHaveLength(3);
        const tasks = await getJson(`${server.url}/api/v1/applications/app-${i}/stages/1/0/taskList`);
        expect(tasks.status, `app-${i}: ${tasks.text.slice(0, 200)}`).toBe(200);
      }
    }
    const fds = fs.readdirSync(`/proc/${server.process.pid}/fd`);
    const stores = fds.filter((fd) => {
      try {
        return fs.readlinkSync(`/proc/${server!.process.pid}/fd/${fd}`).endsWith('.db');
      } catch {
        return false;
      }
    }).length;
    console.log(`open stores: ${APPS} apps asked twice with ulimit -n 256: ${fds.length} descriptors open, ${stores} of them stores (+ index)`);
    expect(fds.length).toBeLessThan(256);
    expect(stores).toBeLessThanOrEqual(16 + 1);
  });
});
