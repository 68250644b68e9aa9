import { describe, expect, it } from 'vitest';
import type { DiagnosticFinding } from '../../src/api/index.js';
import { appPaths } from '../../src/web/lib/appPaths.js';
import { namesStage } from '../../src/web/pages/diagnostics/StageFindings.js';
import { runFromKey, runKey } from '../../src/web/pages/runs/runRef.js';

describe('run comparison URLs', () => {
  it('hold both runs, so a comparison can be shared', () => {
    expect(appPaths.compare({ appId: 'application_1_0002', attemptId: '2' }, { appId: 'application_1_0001' })).toBe('/apps/application_1_0002/2/compare?with=application_1_0001');
    expect(appPaths.compare({ appId: 'local-1' }, { appId: 'local-0', attemptId: '1' })).toBe('/apps/local-1/-/compare?with=local-0&withAttempt=1');
    expect(appPaths.compare({ appId: 'local-1' })).toBe('/apps/local-1/-/compare');
  });
  it('write a picked run as appId or appId/attempt and read it back', () => {
    for (const ref of [{ appId: 'local-1' }, { appId: 'application_1_0001', attemptId: '2' }]) expect(runFromKey(runKey(ref))).toEqual(ref);
  });
});

describe('a stage page shows the findings about that stage attempt only', () => {
  const finding = (links: DiagnosticFinding['links']): DiagnosticFinding => ({ id: 'x', rule: 'skew', severity: 'warning', title: '', measured: [], thresholds: [], impactMs: 0, impact: '', links });
  it('matches stage and task links of the same attempt', () => {
    expect(namesStage(finding([{ kind: 'stage', label: '', stageId: 3, attemptId: 1 }]), 3, 1)).toBe(true);
    expect(namesStage(finding([{ kind: 'task', label: '', stageId: 3, attemptId: 1, taskId: 9 }]), 3, 1)).toBe(true);
    expect(namesStage(finding([{ kind: 'stage', label: '', stageId: 3, attemptId: 0 }]), 3, 1)).toBe(false);
    expect(namesStage(finding([{ kind: 'executor', label: '', executorId: '3' }]), 3, 1)).toBe(false);
  });
});
