import { useDiagnostics } from '../../api/diagnosticsQueries.js';
import { useAppRef } from '../../api/useAppRef.js';
import { EmptyState } from '../../components/EmptyState.js';
import { QueryView } from '../../components/QueryView.js';
import { FindingCard } from './FindingCard.js';

/** The Diagnostics tab: every finding of the attempt, ranked (failures first, then by the time they explain). */
export default function DiagnosticsPage() {
  const app = useAppRef();
  const diagnostics = useDiagnostics(app);
  return (
    <div data-testid="diagnostics-page">
      <h2 className="mb-1 text-lg font-semibold">Diagnostics</h2>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        Rules with DataFlint&apos;s thresholds: skew, spill, GC, tiny tasks, idle cores, lost executors, fetch failures, stage
        retries and failed tasks grouped by error. Failures come first, then findings by the time they explain.
      </p>
      <QueryView query={diagnostics} loadingLabel="Diagnosing…">
        {(d) =>
          d.findings.length === 0 ? (
            <EmptyState title="No findings">No rule found anything to report for this application.</EmptyState>
          ) : (
            <>
              {d.truncated && (
                <p className="mb-2 text-sm text-amber-700 dark:text-amber-300" role="status">
                  Errors were grouped from the first {d.failedTasksRead} failed tasks only.
                </p>
              )}
              <ol className="space-y-3">
                {d.findings.map((f) => (
                  <FindingCard key={f.id} app={app} finding={f} />
                ))}
              </ol>
            </>
          )
        }
      </QueryView>
    </div>
  );
}
