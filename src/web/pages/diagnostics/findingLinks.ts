import type { AppRef, DiagnosticFinding, DiagnosticLink } from '../../../api/index.js';
import { appPaths } from '../../lib/appPaths.js';

/**
 * Where a finding's link goes: a stage attempt's page; for a task, that page with its task table showing the
 * task (failed tasks filtered to FAILED, others sorted slowest first); for an executor, its highlighted row;
 * for a SQL execution, its page.
 */
export function findingLinkHref(app: AppRef, finding: DiagnosticFinding, link: DiagnosticLink): string | undefined {
  if (link.kind === 'executor') return link.executorId === undefined ? undefined : appPaths.executors(app, link.executorId);
  if (link.kind === 'sql') return link.executionId === undefined ? undefined : appPaths.sqlExecution(app, link.executionId);
  if (link.stageId === undefined || link.attemptId === undefined) return undefined;
  const stage = appPaths.stage(app, link.stageId, link.attemptId);
  if (link.kind === 'stage') return stage;
  const failed = finding.rule === 'failedTasks' || finding.rule === 'fetchFailures';
  return `${stage}?${failed ? 'task.status=FAILED' : 'task.sort=-runtime'}#tasks`;
}
