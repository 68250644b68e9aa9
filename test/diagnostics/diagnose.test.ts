import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/server/diagnostics/diagnose.js';
import { failedTask, input, stage, stats } from './facts.js';

describe('diagnose', () => {
  it('ranks critical findings first, then by the time they explain', () => {
    const f = diagnose(
      input({
        stages: [stage({ stageId: 1, status: 'FAILED', executorRunTime: 10_000, jvmGcTime: 5_000 }), stage({ stageId: 2, memoryBytesSpilled: 10, executorRunTime: 90_000 })],
        taskStats: [stats({ stageId: 1 })],
        failedTasks: [failedTask({ stageId: 1, duration: 10 })],
      }),
    );
    expect(f.map((x) => x.rule)).toEqual(['failedTasks', 'spill', 'gcStage']);
  });
  it('finds nothing in a healthy application', () => {
    expect(diagnose(input({ stages: [stage()], taskStats: [stats()] }))).toEqual([]);
  });
});
