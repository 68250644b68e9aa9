import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerHandle, startServerProcess } from '../support/serverProcess.js';
import { getJson, sampleAs, storeFiles, tempDir, waitForScans } from './helpers.js';

/** Issue 9 (2): a root that is briefly absent or unreadable is an error to report, not a reason to forget its logs. */
const base = tempDir('blink');
const root = path.join(base, 'events');
let server: ServerHandle | undefined;

afterAll(async () => {
  await server?.stop();
  fs.rmSync(base, { recursive: true, force: true });
});

describe('blinking event-log root', () => {
  it('keeps index rows and stores while the root is absent, and reuses them when it is back', async () => {
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, 'app-one'), sampleAs('app-one'));
    fs.writeFileSync(path.join(root, 'app-two'), sampleAs('app-two'));
    server = await startServerProcess(['--event-logs', root, '--scan-interval-ms', '100']);
    const jobs = (await getJson(`${server.url}/api/v1/applications/app-one/jobs`)).body;
    const stores = storeFiles(server.dataDir);
    expect(stores).toHaveLength(2);

    // The root disappears (unmounted, renamed): nothing is deleted, the apps stay listed.
    fs.renameSync(root, `${root}.away`);
    await waitForScans(server.url, 3);
    const listed = (await getJson(`${server.url}/api/v1/applications`)).body.map((a: { id: string }) => a.id).sort();
    expect(listed).toEqual(['app-one', 'app-two']);
    expect(storeFiles(server.dataDir)).toEqual(stores);
    const st = (await getJson(`${server.url}/api/console/status`)).body;
    expect(st.applications).toBe(2);

    // Back again: the same stores serve the same answers (no replay from scratch).
    fs.renameSync(`${root}.away`, root);
    await waitForScans(server.url, 3);
    expect(storeFiles(server.dataDir)).toEqual(stores);
    expect((await getJson(`${server.url}/api/v1/applications/app-one/jobs`)).body).toEqual(jobs);

    // A log that is really gone from a readable root is removed.
    fs.rmSync(path.join(root, 'app-two'));
    await waitForScans(server.url, 3);
    expect((await getJson(`${server.url}/api/v1/applications`)).body.map((a: { id: string }) => a.id)).toEqual(['app-one']);
  });
});
