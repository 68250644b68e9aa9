import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateWorkspace, type WorkspaceSummary } from '../../src/demo/index.js';
import { type ServerHandle, startServerProcess } from './serverProcess.js';

export interface DemoWorkspaceServer {
  ws: WorkspaceSummary;
  server: ServerHandle;
  /** Stops the server and deletes the workspace. */
  close: () => Promise<void>;
}

/** The demo workspace (seed 42) in a temporary folder, served by the real server without sign-in. */
export async function startDemoWorkspaceServer(prefix: string): Promise<DemoWorkspaceServer> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const ws = await generateWorkspace({ dir: root, seed: 42 });
  const server = await startServerProcess(['--event-logs', path.join(root, 'event-logs'), '--app-logs', path.join(root, 'app-logs')]);
  return {
    ws,
    server,
    close: async () => {
      await server.stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
