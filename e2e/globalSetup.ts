import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoPassword, generateWorkspace, writeDemoConsoleConfig } from '../src/demo/index.js';
import { startServerProcess } from '../test/support/serverProcess.js';
import { CONFORMANCE_DIR } from '../test/support/sharedData.js';
import { DEMO_APPS, DEMO_NOW, DEMO_PINNED, DEMO_SEED } from './demoWorkspace.js';
import { writeLiveLog } from './liveLog.js';
import { writeStorageState } from './signIn.js';

/**
 * Starts the real servers the browser specs run against and tears them down afterwards:
 * - E2E_BASE_URL: Spark's sample logs plus a second log root holding one still-running application (see
 *   liveLog.ts) for the live-update specs;
 * - E2E_DEMO_URL: a small deterministic demo workspace made by the project's generator (event logs in
 *   project folders, driver and executor logs), for demoWorkspace.spec.ts and access.spec.ts; its summary is
 *   written to E2E_DEMO_SUMMARY so specs assert what was generated, not hand-written numbers. Like `npm
 *   start`, it runs with sign-in on and the demo's console config (projects, members, demo users);
 *   E2E_DEMO_ALICE_STATE is a storageState signed in as alice (console admin) for the specs that need a user.
 * - The first server runs with `--auth none` (single local user, no sign-in), as Spark's own tests do.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const shared = CONFORMANCE_DIR;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-e2e-'));
  const liveDir = path.join(scratch, 'live-logs');
  process.env.E2E_LIVE_LOG = writeLiveLog(shared, liveDir);
  process.env.E2E_CONFORMANCE_DIR = shared;
  // Serve a snapshot of the built UI, so a rebuild of dist/web while the specs run cannot swap assets under them.
  const webDir = path.join(scratch, 'web');
  fs.cpSync(path.resolve(import.meta.dirname, '..', 'dist', 'web'), webDir, { recursive: true });

  const workspace = path.join(scratch, 'demo');
  const summary = await generateWorkspace({ dir: workspace, seed: DEMO_SEED, apps: DEMO_APPS, now: DEMO_NOW, pinned: DEMO_PINNED });
  const summaryFile = path.join(scratch, 'demo-summary.json');
  fs.writeFileSync(summaryFile, JSON.stringify(summary));
  process.env.E2E_DEMO_SUMMARY = summaryFile;

  const { file: configFile } = writeDemoConsoleConfig(workspace, path.join(scratch, 'demo-console-config.json'));
  const [server, demo] = await Promise.all([
    startServerProcess(['--event-logs', path.join(shared, 'spark-events'), '--event-logs', liveDir, '--web-dir', webDir]),
    startServerProcess(['--config', configFile, '--web-dir', webDir], { auth: 'password', as: `alice:${demoPassword('alice')}` }),
  ]);
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_DEMO_URL = demo.url;
  const aliceState = path.join(scratch, 'alice-state.json');
  await writeStorageState(demo.url, 'alice', demoPassword('alice'), aliceState);
  process.env.E2E_DEMO_ALICE_STATE = aliceState;
  return async () => {
    await Promise.all([server.stop(), demo.stop()]);
    fs.rmSync(scratch, { recursive: true, force: true });
  };
}
