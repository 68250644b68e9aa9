import { Link, useParams } from 'react-router';
import type { AppRef, ExecutionData } from '../../../api/index.js';
import { useSqlExecution } from '../../api/sqlQueries.js';
import { useAppRef } from '../../api/useAppRef.js';
import { CollapsibleSection } from '../../components/CollapsibleSection.js';
import { NotFound } from '../../components/NotFound.js';
import { QueryView } from '../../components/QueryView.js';
import { SqlPlanGraph } from '../../components/sqlPlan/SqlPlanGraph.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { SummaryList } from '../../components/SummaryList.js';
import { SparkDateTime } from '../../components/timeZone/DateTime.js';
import { appPaths } from '../../lib/appPaths.js';
import { formatDuration } from '../../lib/formatDuration.js';
import { useUrlParam } from '../../lib/urlState.js';
import { JobIdLinks } from './JobIdLinks.js';
import { useStoredFlag } from './useStoredFlag.js';

function ExecutionDetail({ app, execution }: { app: AppRef; execution: ExecutionData }) {
  const [showStageTask, setShowStageTask] = useStoredFlag('stageId-and-taskId-checked', false);
  const [planMode, setPlanMode] = useUrlParam('plan', 'full');
  const compact = planMode === 'compact';
  return (
    <div data-testid="sql-execution-page">
      <p className="text-xs text-slate-500 dark:text-slate-400">
        <Link to={appPaths.sql(app)} className="link">
          SQL / DataFrame
        </Link>{' '}
        / Query {execution.id}
      </p>
      <h2 className="mb-3 flex items-center gap-2 text-lg font-semibold">
        Details for Query {execution.id} <StatusBadge status={execution.status} />
      </h2>
      <SummaryList
        testId="sql-execution-summary"
        items={[
          { label: 'Description:', value: <span className="whitespace-pre-wrap">{execution.description}</span>, hidden: execution.description === '' },
          { label: 'Submitted Time:', value: <SparkDateTime text={execution.submissionTime} /> },
          { label: 'Duration:', value: formatDuration(execution.duration) },
          { label: 'Running Jobs:', value: <JobIdLinks app={app} ids={execution.runningJobIds} />, hidden: execution.runningJobIds.length === 0 },
          { label: 'Succeeded Jobs:', value: <JobIdLinks app={app} ids={execution.successJobIds} />, hidden: execution.successJobIds.length === 0 },
          { label: 'Failed Jobs:', value: <JobIdLinks app={app} ids={execution.failedJobIds} />, hidden: execution.failedJobIds.length === 0 },
        ]}
      />
      <CollapsibleSection title="Plan" id="plan-graph" storageKey="sql-plan-graph">
        <div className="mb-2 flex flex-wrap gap-x-5 gap-y-1 text-sm">
          <label className="flex items-center gap-1.5">
            <input type="checkbox" checked={showStageTask} onChange={(e) => setShowStageTask(e.target.checked)} data-testid="stage-task-checkbox" />
            Show the Stage ID and Task ID that corresponds to the max metric
          </label>
          <label className="flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={!compact}
              onChange={(e) => setPlanMode(e.target.checked ? 'full' : 'compact', { replace: true })}
              data-testid="plan-metrics-checkbox"
            />
            Show metrics in the nodes
          </label>
        </div>
        <SqlPlanGraph app={app} execution={execution} showStageTask={showStageTask} compact={compact} />
      </CollapsibleSection>
      <CollapsibleSection title="Details" id="physical-plan" storageKey="sql-physical-plan" defaultOpen={false}>
        {execution.planDescription === '' ? (
          <p className="text-sm text-slate-500">No physical plan was recorded.</p>
        ) : (
          <pre className="max-h-[70vh] overflow-auto rounded bg-slate-100 p-3 text-xs leading-snug dark:bg-slate-800" data-testid="physical-plan">
            {execution.planDescription}
          </pre>
        )}
      </CollapsibleSection>
    </div>
  );
}

/** Spark's "Details for Query N": summary with job links, the plan graph, and the physical plan text. */
export default function SqlExecutionPage() {
  const app = useAppRef();
  const { executionId = '' } = useParams();
  const valid = /^\d+$/.test(executionId);
  const id = valid ? Number(executionId) : -1;
  const execution = useSqlExecution(app, id);
  if (!valid) return <NotFound what={`Query ${executionId}`} />;
  return (
    <QueryView query={execution} loadingLabel="Loading query…" errorTitle={`No information to display for query ${id}`}>
      {(data) => <ExecutionDetail app={app} execution={data} />}
    </QueryView>
  );
}
