import { afterAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateManyApps } from '../../src/demo/index.js';
import { listEventLogs, readEvents } from '../../src/demo/readBack.js';
import { checkLogConsistency } from '../../src/demo/consistency.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-many-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('generateManyApps', () => {
  it('writes N small, complete or in-progress logs in one folder', async () => {
    await generateManyApps({ dir: root, count: 60, seed: 1 });
    const entries = listEventLogs(root);
    expect(entries).toHaveLength(60);
    const ids = new Set<string>();
    let running = 0;
    for (const entry of entries) {
      const events = readEvents(entry);
      const start = events.find((e) => e.Event === 'SparkListenerApplicationStart')!;
      ids.add(start['App ID'] as string);
      const ended = events.some((e) => e.Event === 'SparkListenerApplicationEnd');
      expect(ended).toBe(!entry.inProgress);
      if (!ended) running++;
      expect(checkLogConsistency(events)).toEqual([]);
    }
    expect(ids.size).toBe(60);
    expect(running).toBeGreaterThan(2);
    expect(entries.some((e) => e.layout === 'rolling')).toBe(true);
    expect(entries.some((e) => e.name.endsWith('.zstd') || e.name.endsWith('.lz4'))).toBe(true);
  });
});
