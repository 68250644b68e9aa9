import { afterAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateBenchLog } from '../../src/demo/index.js';
import { readEvents } from '../../src/demo/readBack.js';
import { checkLogConsistency } from '../../src/demo/consistency.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-bench-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const MB = 1024 * 1024;

describe('generateBenchLog', () => {
  it('writes a real-shaped 3.x log of about the requested size', async () => {
    const file = path.join(root, 'bench.log');
    const r = await generateBenchLog({ file, targetBytes: 2 * MB, tasksPerStage: 300 });
    expect(fs.statSync(file).size).toBe(r.bytes);
    expect(r.bytes).toBeGreaterThanOrEqual(2 * MB);
    // Stops at the first job boundary past the target: one job here is < 1.5 MiB.
    expect(r.bytes).toBeLessThan(3.5 * MB);
    const events = readEvents({ path: file, name: 'bench.log', layout: 'single', inProgress: false, files: [file] });
    expect(events[0]!.Event).toBe('SparkListenerLogStart');
    expect(String(events[0]!['Spark Version'])).toMatch(/^3\.5\./);
    expect(events[events.length - 1]!.Event).toBe('SparkListenerApplicationEnd');
    const ends = events.filter((e) => e.Event === 'SparkListenerTaskEnd');
    expect(ends.length).toBe(r.tasks);
    expect(events.filter((e) => e.Event === 'SparkListenerStageCompleted').length).toBe(r.stages);
    for (const e of ends.slice(0, 50)) {
      expect(e).toHaveProperty('Task Executor Metrics');
      expect(((e['Task Info'] as Record<string, unknown>)['Accumulables'] as unknown[]).length).toBeGreaterThan(5);
    }
    const avg = ends.reduce((n, e) => n + JSON.stringify(e).length, 0) / ends.length;
    expect(avg).toBeGreaterThan(1500);
    expect(avg).toBeLessThan(4500);
    expect(checkLogConsistency(events)).toEqual([]);
  });

  it('puts tasksPerStage tasks in one stage and honours the codec', async () => {
    const file = path.join(root, 'big-stage.zstd');
    const r = await generateBenchLog({ file, targetBytes: 1, tasksPerStage: 5000, codec: 'zstd', seed: 3 });
    expect(r.tasks).toBe(5000 + 500);
    expect([...fs.readFileSync(file).subarray(0, 4)]).toEqual([0x28, 0xb5, 0x2f, 0xfd]);
    const events = readEvents({ path: file, name: path.basename(file), layout: 'single', inProgress: false, files: [file] });
    const stage0 = events.filter((e) => e.Event === 'SparkListenerTaskEnd' && e['Stage ID'] === 0);
    expect(stage0).toHaveLength(5000);
  });

  it('is deterministic for a seed', async () => {
    const a = path.join(root, 'a.log');
    const b = path.join(root, 'b.log');
    await generateBenchLog({ file: a, targetBytes: 300 * 1024, tasksPerStage: 100, seed: 9 });
    await generateBenchLog({ file: b, targetBytes: 300 * 1024, tasksPerStage: 100, seed: 9 });
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
  });
});
