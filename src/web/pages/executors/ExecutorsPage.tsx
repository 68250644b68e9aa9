import { useSearchParams } from 'react-router';
import { useAppAttempt } from '../../api/applicationQueries.js';
import { useAllExecutors, useMiscProcesses } from '../../api/executorQueries.js';
import { useAppRef } from '../../api/useAppRef.js';
import { CollapsibleSection } from '../../components/CollapsibleSection.js';
import { MetricsPicker } from '../../components/MetricsPicker.js';
import { QueryView } from '../../components/QueryView.js';
import { ADDITIONAL_METRICS, useAdditionalMetrics } from './additionalMetrics.js';
import { ExecutorSummaryTable } from './ExecutorSummaryTable.js';
import { ExecutorsOverTime } from './ExecutorsOverTime.js';
import { ExecutorTable } from './ExecutorTable.js';
import { MiscProcessTable } from './MiscProcessTable.js';

/**
 * Spark's Executors tab: the Summary table (Active/Dead/Total), the executor table with Spark's shading and
 * optional metric columns, the miscellaneous processes, and a chart of executors over time.
 * Contract (pages/README.md): `?executor=<id>` highlights and scrolls to that executor's row.
 */
export default function ExecutorsPage() {
  const app = useAppRef();
  const executors = useAllExecutors(app);
  const processes = useMiscProcesses(app);
  const { attempt } = useAppAttempt(app);
  const [shown, setShown] = useAdditionalMetrics();
  const [params] = useSearchParams();
  const highlighted = params.get('executor') ?? undefined;

  return (
    <div data-testid="executors-page">
      <h2 className="sr-only">Executors</h2>
      <QueryView query={executors} loadingLabel="Loading executors…">
        {(list) => (
          <>
            <MetricsPicker offered={ADDITIONAL_METRICS} shown={shown} onChange={setShown} allLabel="Select All" layout="row" className="mb-2" testId="additional-metrics" />
            <CollapsibleSection title="Summary" id="summary" storageKey="executors-summary">
              <ExecutorSummaryTable executors={list} shown={shown} />
            </CollapsibleSection>
            {attempt !== undefined && (
              <ExecutorsOverTime
                executors={list}
                start={attempt.startTimeEpoch}
                end={attempt.completed ? attempt.endTimeEpoch : Math.max(Date.now(), attempt.startTimeEpoch)}
              />
            )}
            <CollapsibleSection title="Executors" id="active-executors">
              <ExecutorTable executors={list} shown={shown} highlighted={highlighted} />
            </CollapsibleSection>
            {processes.data !== undefined && <MiscProcessTable processes={processes.data} />}
          </>
        )}
      </QueryView>
    </div>
  );
}
