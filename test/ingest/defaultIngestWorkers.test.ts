import { describe, expect, it } from 'vitest';
import { configFromArgs } from '../../src/server/cli.js';
import { defaultIngestWorkers } from '../../src/server/ingest/defaultIngestWorkers.js';

/** Issue 9 (12): replays leave a core for requests, and more than four workers do not replay faster. */
describe('default ingest workers', () => {
  it('is one per core but one, between one and four', () => {
    expect(defaultIngestWorkers(1)).toBe(1);
    expect(defaultIngestWorkers(2)).toBe(1);
    expect(defaultIngestWorkers(3)).toBe(2);
    expect(defaultIngestWorkers(4)).toBe(3);
    expect(defaultIngestWorkers(5)).toBe(4);
    expect(defaultIngestWorkers(16)).toBe(4);
  });

  it('is what serve uses without --ingest-workers, and the flag overrides it', () => {
    expect(configFromArgs(['--event-logs', '/tmp']).ingestWorkers).toBe(defaultIngestWorkers());
    expect(configFromArgs(['--event-logs', '/tmp', '--ingest-workers', '7']).ingestWorkers).toBe(7);
  });
});
