import path from 'node:path';
import { startServerProcess } from '../test/support/serverProcess.js';
import { CONFORMANCE_DIR } from '../test/support/sharedData.js';

/** Starts one real server for all browser specs and tears it down afterwards. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const shared = CONFORMANCE_DIR;
  const server = await startServerProcess(['--event-logs', path.join(shared, 'spark-events')]);
  process.env.E2E_BASE_URL = server.url;
  return () => server.stop();
}
