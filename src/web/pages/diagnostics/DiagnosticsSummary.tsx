import { Link } from 'react-router';
import type { AppRef } from '../../../api/index.js';
import { DIAGNOSTIC_SEVERITIES_ORDER } from './diagnosticsSeverities.js';
import { useDiagnostics } from '../../api/diagnosticsQueries.js';
import { appPaths } from '../../lib/appPaths.js';
import { SeverityBadge } from './SeverityBadge.js';

/**
 * One line for any application page's header: how many findings of each severity, and the top one, linking
 * to the Diagnostics tab. Renders nothing while loading, on error, or when there is nothing to say. Pages
 * place it where they like (it has no outer margin).
 */
export function DiagnosticsSummary({ app }: { app: AppRef }) {
  const diagnostics = useDiagnostics(app);
  const findings = diagnostics.data?.findings ?? [];
  if (findings.length === 0) return null;
  const top = findings[0]!;
  return (
    <Link
      to={appPaths.diagnostics(app)}
      className="inline-flex max-w-full items-center gap-2 rounded border border-slate-200 px-2 py-1 text-sm hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900"
      data-testid="diagnostics-summary"
      title="Open the Diagnostics tab"
    >
      {DIAGNOSTIC_SEVERITIES_ORDER.map((severity) => {
        const n = findings.filter((f) => f.severity === severity).length;
        return n === 0 ? null : (
          <span key={severity} className="inline-flex items-center gap-1" data-count={n} data-severity-count={severity}>
            <SeverityBadge severity={severity} /> {n}
          </span>
        );
      })}
      <span className="truncate" data-testid="diagnostics-summary-top">
        {top.title}
      </span>
    </Link>
  );
}
