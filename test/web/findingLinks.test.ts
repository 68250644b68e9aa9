import { describe, expect, it } from 'vitest';
import type { DiagnosticFinding } from '../../src/api/index.js';
import { findingLinkHref } from '../../src/web/pages/diagnostics/findingLinks.js';

const app = { appId: 'application_1_0001', attemptId: '1' };
const finding = (rule: DiagnosticFinding['rule']): DiagnosticFinding => ({
  id: rule, rule, severity: 'warning', title: '', measured: [], thresholds: [], impactMs: 0, impact: '', links: [],
});

describe('finding links', () => {
  it('opens the stage attempt, the executor row, and a task in its stage table', () => {
    expect(findingLinkHref(app, finding('spill'), { kind: 'stage', label: '', stageId: 3, attemptId: 1 })).toBe('/apps/application_1_0001/1/stages/3/1');
    expect(findingLinkHref(app, finding('gcExecutor'), { kind: 'executor', label: '', executorId: '7' })).toBe('/apps/application_1_0001/1/executors?executor=7');
    expect(findingLinkHref(app, finding('skew'), { kind: 'task', label: '', stageId: 3, attemptId: 0, taskId: 42 })).toBe(
      '/apps/application_1_0001/1/stages/3/0?task.sort=-runtime#tasks',
    );
    expect(findingLinkHref(app, finding('failedTasks'), { kind: 'task', label: '', stageId: 3, attemptId: 0, taskId: 42 })).toBe(
      '/apps/application_1_0001/1/stages/3/0?task.status=FAILED#tasks',
    );
  });
  it('opens the SQL query a file or broadcast finding names', () => {
    expect(findingLinkHref(app, finding('smallFiles'), { kind: 'sql', label: '', executionId: 4 })).toBe('/apps/application_1_0001/1/sql/4');
    expect(findingLinkHref(app, finding('largeBroadcast'), { kind: 'sql', label: '' })).toBeUndefined();
  });
  it('has no link without the ids it needs', () => {
    expect(findingLinkHref(app, finding('skew'), { kind: 'stage', label: '' })).toBeUndefined();
    expect(findingLinkHref(app, finding('gcExecutor'), { kind: 'executor', label: '' })).toBeUndefined();
  });
});
