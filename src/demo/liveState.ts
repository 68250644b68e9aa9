// Checkpoint of the running demo application, kept in <ws>/.demo/live-state.json.
// It records the simulator counters at a moment when the files on disk and the simulated state
// agree (between two live rounds), together with the size of every file at that moment. A new
// live session (possibly in another process) truncates the files back to those sizes — which
// drops a round that was cut off mid-way — and continues from there, so task/stage/job ids
// never repeat.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AppSpec } from './appScenario.js';
import type { SimCheckpoint } from './simulator.js';

export interface LiveState {
  spec: AppSpec;
  checkpoint: SimCheckpoint;
  /** Number of live rounds already written. */
  round: number;
  /** File path → size in bytes at checkpoint time. */
  files: Record<string, number>;
}

export function writeLiveState(file: string, state: LiveState, paths: string[]): void {
  const files: Record<string, number> = {};
  for (const p of paths) {
    try {
      files[p] = fs.statSync(p).size;
    } catch {
      // not created yet
    }
  }
  state.files = files;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state));
  fs.renameSync(tmp, file);
}

export function readLiveState(file: string): LiveState {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as LiveState;
}

/** Truncate files that grew after the checkpoint; remove executor log files created after it. */
export function rollbackToCheckpoint(state: LiveState, appLogRoot: string): void {
  for (const [p, size] of Object.entries(state.files)) {
    try {
      if (fs.statSync(p).size > size) fs.truncateSync(p, size);
    } catch {
      // file vanished: nothing to roll back
    }
  }
  const execRoot = path.join(appLogRoot, state.spec.appId);
  if (!fs.existsSync(execRoot)) return;
  for (const exec of fs.readdirSync(execRoot)) {
    for (const stream of ['stdout', 'stderr']) {
      const p = path.join(execRoot, exec, stream);
      if (fs.existsSync(p) && state.files[p] === undefined) fs.rmSync(p);
    }
    const d = path.join(execRoot, exec);
    if (fs.existsSync(d) && fs.readdirSync(d).length === 0) fs.rmdirSync(d);
  }
}
