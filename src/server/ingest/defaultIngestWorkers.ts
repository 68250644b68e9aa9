import os from 'node:os';

/**
 * Replay workers started when `--ingest-workers` is not given: one per core but one, at most four. The core
 * left over is the request thread's, so replays never starve the pages people are looking at; past four,
 * replays are bound by the disk and the index's writes more than by CPU.
 */
export function defaultIngestWorkers(cores: number = os.availableParallelism()): number {
  return Math.max(1, Math.min(4, cores - 1));
}
