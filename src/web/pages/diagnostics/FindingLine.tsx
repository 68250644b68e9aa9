import type { AppRef, DiagnosticFinding } from '../../../api/index.js';
import { FindingLinks } from './FindingLinks.js';
import { formatImpact } from './formatImpact.js';
import { SeverityBadge } from './SeverityBadge.js';

/** One finding in a short list (the "why" summary, a stage's findings): severity, title, impact and its links. */
export function FindingLine({ app, finding, testId }: { app: AppRef; finding: DiagnosticFinding; testId: string }) {
  return (
    <li className="flex flex-col gap-1" data-testid={testId} data-rule={finding.rule}>
      <span className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={finding.severity} />
        <span className="font-medium">{finding.title}</span>
        <span className="text-xs text-slate-500 dark:text-slate-400" title={finding.impact}>
          explains {formatImpact(finding)}
        </span>
      </span>
      <FindingLinks app={app} finding={finding} />
    </li>
  );
}
