// The live appender: keeps the workspace's running application going while the console is
// open. Each round is one more dashboard refresh (a SQL execution with its jobs, stages and
// tasks), sometimes preceded by executor churn (an idle executor is released and a new one
// requested, as dynamic allocation does). A round is simulated ahead of time into a queue and
// each event/log line is released to disk only when the (scaled) wall clock reaches its
// timestamp, so a reader sees tasks start and finish in real time.
//
// ApplicationEnd is never written until stop(true): stop() or stop(false) leaves the log
// .inprogress (the app keeps "running"); stop(true) flushes the current round, writes
// ApplicationEnd and renames the log to its final name.

import { Prng, deriveSeed } from './prng.js';
import { appConfig, liveRound } from './appScenario.js';
import { openEventLog, type EventLogWriter } from './eventLogFiles.js';
import { AppLogs } from './executorLogs.js';
import { AppSimulator } from './simulator.js';
import { readLiveState, rollbackToCheckpoint, writeLiveState } from './liveState.js';
import type { WorkspaceSummary } from './workspace.js';

export interface LiveAppOptions {
  /** How often queued events are released to disk (ms, default 1000). */
  intervalMs?: number;
  /** Simulated milliseconds per wall-clock millisecond (default 1; tests use more). */
  timeScale?: number;
  /** Wall clock (tests may inject one). */
  clock?: () => number;
}

export interface LiveAppHandle {
  readonly appId: string;
  readonly eventLogPath: string;
  /** Rounds completed so far in this session. */
  readonly rounds: number;
  /**
   * Stop appending. finish=false (default): the app stays running (no ApplicationEnd, log keeps
   * its .inprogress name; a later startLiveApp continues from the last round boundary).
   * finish=true: complete the current round, write ApplicationEnd, rename the log.
   */
  stop(finish?: boolean): Promise<void>;
}

export function startLiveApp(summary: WorkspaceSummary, opts: LiveAppOptions = {}): LiveAppHandle {
  const intervalMs = opts.intervalMs ?? 1000;
  const scale = opts.timeScale ?? 1;
  const wall = opts.clock ?? Date.now;
  const stateFile = summary.running.stateFile;
  const state = readLiveState(stateFile);
  rollbackToCheckpoint(stateFile, state, summary.running.appLogDir);
  const spec = state.spec;
  const { cfg } = appConfig(spec);
  const real = openEventLog({ logDir: summary.projects.find((p) => p.name === spec.project.name)!.eventLogDir, appId: spec.appId, attemptId: spec.attemptId, codec: 'none', layout: 'single' }, null, { append: true });

  // Events are queued with the simulated time at which they were emitted.
  const queue: { t: number; line: string }[] = [];
  let head = 0;
  let sim: AppSimulator;
  const gated: EventLogWriter = {
    writeLine(line: string) {
      queue.push({ t: sim.clock, line });
    },
    drain() {},
    close() {
      return real.currentPath;
    },
    get currentPath() {
      return real.currentPath;
    },
    get rawBytes() {
      return real.rawBytes;
    },
    get diskBytes() {
      return real.diskBytes;
    },
    lines: 0,
  };
  const logs = new AppLogs(summary.running.appLogDir, spec.appId, { deferred: true });
  sim = new AppSimulator(cfg, gated, logs);
  sim.restore(state.checkpoint);

  const startWall = wall();
  const startSim = Math.max(state.checkpoint.clock, startWall);
  // Time passed since the checkpoint: idle executors time out, exactly as they would have.
  sim.advanceTo(startSim);
  let round = state.round;
  let roundsThisSession = 0;
  let stopped = false;

  const release = (upTo: number) => {
    while (head < queue.length && queue[head]!.t <= upTo) real.writeLine(queue[head++]!.line);
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    }
    logs.release(upTo);
    real.drain();
    logs.drain();
  };

  const checkpoint = () => {
    state.checkpoint = sim.checkpoint();
    state.round = round;
    writeLiveState(stateFile, state, [real.currentPath, ...logs.paths()]);
  };

  const tick = () => {
    if (stopped) return;
    const simNow = startSim + (wall() - startWall) * scale;
    release(simNow);
    if (queue.length === 0 && logs.queued === 0) {
      // Everything simulated so far is on disk: a consistent point to checkpoint and to plan
      // the next round.
      checkpoint();
      sim.advanceTo(Math.max(sim.clock, simNow));
      const rng = new Prng(deriveSeed(spec.seed, 'live', round));
      if (round > 0 && rng.chance(0.35)) sim.churnExecutor();
      liveRound(sim, rng, spec.project, cfg.mainFile.replace('.scala', ''), round);
      sim.settle();
      round++;
      roundsThisSession++;
      release(simNow);
    }
  };

  const timer = setInterval(tick, intervalMs);
  tick();

  return {
    appId: spec.appId,
    get eventLogPath() {
      return real.currentPath;
    },
    get rounds() {
      return roundsThisSession;
    },
    async stop(finish = false) {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      if (finish) {
        const end = sim.end({ exitOk: true });
        release(Infinity);
        real.close({ completed: true, mtimeMs: end });
        logs.close(end);
        return;
      }
      // Lines of a round still in the future are dropped; the checkpoint is at the last round
      // boundary, and the next session rolls the files back to it.
      logs.discardPending();
      real.close({ completed: false });
      logs.close();
    },
  };
}
