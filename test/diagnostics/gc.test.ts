import { describe, expect, it } from 'vitest';
import { gcExecutorRule, gcStageRule } from '../../src/server/diagnostics/rules/gc.js';
import { executor, input, stage } from './facts.js';

describe('GC rules (GC > 10% of task time)', () => {
  it('fires for a stage just above 10%', () => {
    const [f] = gcStageRule(input({ stages: [stage({ stageId: 4, executorRunTime: 10_000, jvmGcTime: 1_001 })] }));
    expect(f).toMatchObject({ rule: 'gcStage', impactMs: 1_001, links: [{ kind: 'stage', stageId: 4, attemptId: 0 }] });
    expect(f!.title).toContain('10.0%');
  });
  it('does not fire for a stage at 10% exactly, nor without task time', () => {
    expect(gcStageRule(input({ stages: [stage({ executorRunTime: 10_000, jvmGcTime: 1_000 }), stage({ executorRunTime: 0, jvmGcTime: 5 })] }))).toEqual([]);
  });
  it('fires for an executor just above 10% and links to it', () => {
    const [f] = gcExecutorRule(input({ executors: [executor({ id: '3', totalDuration: 10_000, totalGcTime: 1_001 })] }));
    expect(f).toMatchObject({ rule: 'gcExecutor', links: [{ kind: 'executor', executorId: '3' }] });
  });
  it('does not fire for an executor at 10% exactly', () => {
    expect(gcExecutorRule(input({ executors: [executor({ totalDuration: 10_000, totalGcTime: 1_000 })] }))).toEqual([]);
  });
});
