import { Link } from 'react-router';
import type { AppRef } from '../../../api/index.js';
import { useDiagnostics } from '../../api/diagnosticsQueries.js';
import { appPaths } from '../../lib/appPaths.js';
import { FindingLine } from './FindingLine.js';

const SHOWN = 3;

/**
 * "Why it failed / why it was slow": the top findings of the application, ranked by impact, each linking to
 * the stage, task or executor it names. Nothing is shown while loading, on error or when there is no finding.
 */
export function WhySummary({ app }: { app: AppRef }) {
  const diagnostics = useDiagnostics(app);
  const findings = diagnostics.data?.findings ?? [];
  if (findings.length === 0) return null;
  const failed = findings[0]!.severity === 'critical';
  return (
    <section
      className="mb-4 rounded border border-slate-200 p-3 dark:border-slate-800"
      aria-labelledby="why-summary-title"
      data-testid="why-summary"
    >
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="why-summary-title" className="text-sm font-semibold">
          {failed ? 'Why it failed' : 'Why it was slow'}
        </h3>
        <Link to={appPaths.diagnostics(app)} className="link text-sm">
          All {findings.length} finding{findings.length === 1 ? '' : 's'}
        </Link>
      </div>
      <ol className="space-y-2">
        {findings.slice(0, SHOWN).map((f) => (
          <FindingLine key={f.id} app={app} finding={f} testId="why-finding" />
        ))}
      </ol>
    </section>
  );
}
