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
  /** File path (relative to the workspace directory) → size in bytes at checkpoint time. */
  files: Record<string, number>;
}

/** The workspace directory of a state file (<ws>/.demo/live-state.json). */
function wsDirOf(stateFile: string): string {
  return path.dirname(path.dirname(stateFile));
}

export function writeLiveState(file: string, state: LiveState, paths: string[]): void {
  // Files not touched since the previous checkpoint keep their recorded size.
  const files: Record<string, number> = { ...state.files };
  const base = wsDirOf(file);
  for (const p of paths) {
    try {
      // Relative paths keep the state file identical for identical workspaces in other folders.
      files[path.relative(base, p)] = fs.statSync(p).size;
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

/** Truncate files that grew after the checkpoint; remove logs of executors added after it. */
export function rollbackToCheckpoint(stateFile: string, state: LiveState, appLogRoot: string): void {
  const base = wsDirOf(stateFile);
  for (const [rel, size] of Object.entries(state.files)) {
    const p = path.join(base, rel);
    try {
      if (fs.statSync(p).size > size) fs.truncateSync(p, size);
    } catch {
      // file vanished: nothing to roll back
    }
  }
  // Executor ids at or above the checkpoint's next id were added by a round that was cut off;
  // the next session adds them again from scratch.
  const execRoot = path.join(appLogRoot, state.spec.appId);
  if (!fs.existsSync(execRoot)) return;
  for (const exec of fs.readdirSync(execRoot)) {
    if (/^\d+$/.test(exec) && Number(exec) >= state.checkpoint.nextExecNum) fs.rmSync(path.join(execRoot, exec), { recursive: true, force: true });
  }
}
