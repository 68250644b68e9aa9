import type { AppRef, DiagnosticFinding } from '../../../api/index.js';
import { useDiagnostics } from '../../api/diagnosticsQueries.js';
import { FindingLine } from './FindingLine.js';

/** Whether a finding names this stage attempt (a stage link, or a task link in it). */
export function namesStage(f: DiagnosticFinding, stageId: number, attemptId: number): boolean {
  return f.links.some((l) => (l.kind === 'stage' || l.kind === 'task') && l.stageId === stageId && l.attemptId === attemptId);
}

/** The application's findings about one stage attempt, on its page; nothing when there are none. */
export function StageFindings({ app, stageId, attemptId }: { app: AppRef; stageId: number; attemptId: number }) {
  const diagnostics = useDiagnostics(app);
  const findings = (diagnostics.data?.findings ?? []).filter((f) => namesStage(f, stageId, attemptId));
  if (findings.length === 0) return null;
  return (
    <section className="my-3 rounded border border-amber-200 p-3 dark:border-amber-900" aria-label="Findings about this stage" data-testid="stage-findings">
      <h3 className="mb-2 text-sm font-semibold">Findings about this stage</h3>
      <ul className="space-y-2">
        {findings.map((f) => (
          <FindingLine key={f.id} app={app} finding={f} testId="stage-finding" />
        ))}
      </ul>
    </section>
  );
}
