import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { singleFileSource } from '../../src/server/eventlog/discovery.js';
import { needsReplay } from '../../src/server/ingest/ingestCoordinator.js';
import { IndexDb } from '../../src/server/store/indexDb.js';
import { tempDir } from './helpers.js';

/** Issue 9 (7): a failed replay is recorded with what was tried and retried only when the log changes. */
const dir = tempDir('failed');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('failed replays', () => {
  it('are not retried on every scan, only when the file changes', () => {
    const index = new IndexDb(path.join(dir, 'index.db'));
    try {
      const source = singleFileSource('/logs', '/logs/app-bad', 'app-bad', undefined, 1234, 1_700_000_000_000);
      index.upsertSource(source);
      expect(needsReplay(index.scanState()[0], source)).toBe(true);
      index.recordFailure(source, 'replay failed');
      const row = index.scanState()[0]!;
      expect(row.state).toBe('error');
      expect(needsReplay(row, source)).toBe(false);
      expect(needsReplay(row, { ...source, size: 2000 })).toBe(true);
      expect(needsReplay(row, { ...source, mtimeMs: source.mtimeMs + 1 })).toBe(true);
    } finally {
      index.close();
    }
  });
});
