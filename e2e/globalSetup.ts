import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess } from '../test/support/serverProcess.js';
import { CONFORMANCE_DIR } from '../test/support/sharedData.js';
import { writeLiveLog } from './liveLog.js';

/**
 * Starts one real server for all browser specs and tears it down afterwards: Spark's sample logs plus a
 * second log root holding one still-running application (see liveLog.ts) for the live-update specs.
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
  const server = await startServerProcess([
    '--event-logs',
    path.join(shared, 'spark-events'),
    '--event-logs',
    liveDir,
    '--web-dir',
    webDir,
  ]);
  process.env.E2E_BASE_URL = server.url;
  return async () => {
    await server.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  };
}
