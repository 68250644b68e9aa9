import { lazy, Suspense, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { anyTaskEnded, isApiError, type AppRef, type StageData, type TaskTimeline as TaskTimelineData } from '../../../api/index.js';
import { useAllExecutors } from '../../api/executorQueries.js';
import { useJobs } from '../../api/jobQueries.js';
import { useStage, useStageAttempts, useStageGraph, useTaskSummary, useTaskTimeline } from '../../api/stageQueries.js';
import { useAppRef } from '../../api/useAppRef.js';
import { CollapsibleSection } from '../../components/CollapsibleSection.js';
import { RddDag } from '../../components/dag/RddDag.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { LoadingState } from '../../components/LoadingState.js';
import { MetricsPicker } from '../../components/MetricsPicker.js';
import { QueryView } from '../../components/QueryView.js';
import { TaskTimeline } from '../../components/taskTimeline/TaskTimeline.js';
import { appPaths } from '../../lib/appPaths.js';
import { AccumulatorsTable, visibleAccumulators } from './AccumulatorsTable.js';
import { ExecutorSummaryTable } from './ExecutorSummaryTable.js';
import { stageDataPresence } from './stageDataPresence.js';
import { offeredMetrics, useStageOptionalMetrics } from './stageOptionalMetrics.js';
import { StageSummary } from './StageSummary.js';
import { SUMMARY_QUANTILES, SummaryMetricsTable } from './SummaryMetricsTable.js';
import { TaskTable } from './TaskTable.js';
import { StageFindings } from '../diagnostics/StageFindings.js';

const TaskDurationChart = lazy(() => import('./TaskDurationChart.js'));

/** Task attempts of a stage attempt: finished, failed, killed and running ones (Spark keeps these counts). */
function stageTaskAttempts(stage: StageData): number {
  return stage.numCompleteTasks + stage.numFailedTasks + stage.numKilledTasks + stage.numActiveTasks;
}

/** Durations of the tasks that succeeded, for the histogram. */
function successfulDurations(t: TaskTimelineData | undefined): number[] {
  if (t === undefined) return [];
  const success = t.statuses.indexOf('SUCCESS');
  const out: number[] = [];
  for (let i = 0; i < t.count; i++) if (t.status[i] === success) out.push(t.duration[i]!);
  return out;
}

/** Spark's "Details for Stage S (Attempt A)" (§2.5). */
export default function StageDetailPage() {
  const app = useAppRef();
  const params = useParams();
  const stageId = Number(params.stageId);
  const attemptId = Number(params.stageAttemptId);
  // details=true brings the per-executor summary; the task map is narrowed to failed tasks so that a stage with
  // 100k tasks does not arrive in one answer (the timeline comes as columns, the task table pages on the server).
  const stage = useStage(app, stageId, attemptId, { details: true, taskStatus: ['FAILED'] });
  return (
    <div data-testid="stage-page">
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold">
          Details for Stage {stageId} (Attempt {attemptId})
        </h2>
        <AttemptLinks app={app} stageId={stageId} attemptId={attemptId} />
      </div>
      <QueryView query={stage} loadingLabel="Loading stage…" errorTitle={`No information to display for Stage ${stageId} (Attempt ${attemptId})`}>
        {(data) => <StageDetail app={app} stage={data} />}
      </QueryView>
    </div>
  );
}

function AttemptLinks({ app, stageId, attemptId }: { app: AppRef; stageId: number; attemptId: number }) {
  const attempts = useStageAttempts(app, stageId);
  const list = attempts.data ?? [];
  if (list.length < 2) return null;
  return (
    <nav aria-label="Stage attempts" className="flex items-center gap-1 text-sm">
      <span className="text-slate-600 dark:text-slate-400">Attempts</span>
      {[...list]
        .sort((a, b) => a.attemptId - b.attemptId)
        .map((s) => (
          <Link key={s.attemptId} to={appPaths.stage(app, stageId, s.attemptId)} className={s.attemptId === attemptId ? 'btn border-sky-500 font-semibold' : 'btn'} aria-current={s.attemptId === attemptId ? 'page' : undefined}>
            {s.attemptId}
          </Link>
        ))}
    </nav>
  );
}

function StageDetail({ app, stage }: { app: AppRef; stage: StageData }) {
  const jobs = useJobs(app);
  const executors = useAllExecutors(app);
  const metricsReported = anyTaskEnded(stage);
  const summary = useTaskSummary(app, stage.stageId, stage.attemptId, { quantiles: SUMMARY_QUANTILES }, metricsReported);
  const [shown, setShown] = useStageOptionalMetrics();
  const attemptCount = stageTaskAttempts(stage);
  const timeline = useTaskTimeline(app, stage.stageId, stage.attemptId);
  const graph = useStageGraph(app);
  const graphNode = graph.data?.stages.find((s) => s.stageId === stage.stageId && s.attemptId === stage.attemptId);
  const presence = useMemo(() => stageDataPresence(stage), [stage]);
  const now = useMemo(() => Date.now(), [stage, timeline.data]); // eslint-disable-line react-hooks/exhaustive-deps
  const tasksState =
    timeline.data !== undefined ? undefined : timeline.isError ? <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} /> : <LoadingState label={`Loading ${attemptCount} tasks…`} />;
  const accumulators = visibleAccumulators(stage.accumulatorUpdates);
  const durations = useMemo(() => successfulDurations(timeline.data), [timeline.data]);
  const taskHosts = useMemo(() => new Map((timeline.data?.executors ?? []).map((e) => [e.id, e.host])), [timeline.data]);

  return (
    <>
      <StageFindings app={app} stageId={stage.stageId} attemptId={stage.attemptId} />
      <StageSummary app={app} stage={stage} locality={graph.isError ? {} : graphNode?.localitySummary ?? (graph.data !== undefined ? {} : undefined)} jobs={jobs.data} />
      <CollapsibleSection title="DAG Visualization" storageKey="stage-dag">
        {graphNode !== undefined ? (
          <RddDag stageId={stage.stageId} attemptId={stage.attemptId} rdds={graphNode.rdds} skipped={graphNode.status === 'SKIPPED'} rddHref={(id) => appPaths.rdd(app, id)} />
        ) : graph.isError ? (
          <ErrorState error={graph.error} onRetry={() => void graph.refetch()} />
        ) : graph.data !== undefined ? (
          <EmptyState title={`No DAG visualization information to display for stage ${stage.stageId}`} />
        ) : (
          <LoadingState label="Loading DAG…" />
        )}
      </CollapsibleSection>
      <MetricsPicker offered={offeredMetrics(presence)} shown={shown} onChange={setShown} allLabel="(De)select All" layout="column" className="mt-3" testId="stage-additional-metrics" />

      <CollapsibleSection title="Event Timeline" storageKey="task-assignment-timeline">
        {tasksState ?? (timeline.data !== undefined && <TaskTimeline timeline={timeline.data} now={now} />)}
      </CollapsibleSection>

      <CollapsibleSection id="summary-metrics" title={`Summary Metrics for ${stage.numCompleteTasks} Completed Tasks`} storageKey="stage-summary-metrics">
        {!metricsReported ? (
          <EmptyState title="No tasks have reported metrics yet" />
        ) : summary.data !== undefined ? (
          <SummaryMetricsTable d={summary.data} presence={presence} shown={shown} />
        ) : summary.isError ? (
          isApiError(summary.error) && summary.error.status === 404 ? (
            <EmptyState title="No tasks have reported metrics yet" />
          ) : (
            <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
          )
        ) : (
          <LoadingState label="Loading summary metrics…" />
        )}
      </CollapsibleSection>

      <CollapsibleSection title="Task Wall-Clock Time Distribution" storageKey="stage-duration-distribution">
        {tasksState ?? (durations.length === 0 ? (
          <EmptyState title="No task has succeeded yet" />
        ) : (
          <Suspense fallback={<LoadingState label="Loading chart…" />}>
            <TaskDurationChart durations={durations} />
          </Suspense>
        ))}
      </CollapsibleSection>

      {stage.speculationSummary !== undefined && stage.speculationSummary.numTasks > 0 && (
        <CollapsibleSection title="Speculation Summary" storageKey="stage-speculation">
          <table className="text-sm" aria-label="Speculation summary" data-testid="speculation-summary">
            <thead className="bg-slate-100 text-xs uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
              <tr>
                {['Total', 'Active', 'Complete', 'Failed', 'Killed'].map((h) => (
                  <th key={h} className="px-3 py-1.5 text-right">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr className="tabular-nums">
                {[
                  stage.speculationSummary.numTasks,
                  stage.speculationSummary.numActiveTasks,
                  stage.speculationSummary.numCompletedTasks,
                  stage.speculationSummary.numFailedTasks,
                  stage.speculationSummary.numKilledTasks,
                ].map((v, i) => (
                  <td key={i} className="px-3 py-1 text-right">
                    {v}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </CollapsibleSection>
      )}

      <CollapsibleSection id="executors" title="Aggregated Metrics by Executor" storageKey="stage-executor-summary">
        <ExecutorSummaryTable app={app} stage={stage} executors={executors.data} taskHosts={taskHosts} presence={presence} shown={shown} />
      </CollapsibleSection>

      {accumulators.length > 0 && (
        <CollapsibleSection title="Accumulators" storageKey="stage-accumulators">
          <AccumulatorsTable accumulators={accumulators} />
        </CollapsibleSection>
      )}

      <CollapsibleSection id="tasks" title={`Tasks (${attemptCount})`} storageKey="stage-tasks">
        <TaskTable app={app} stage={stage} presence={presence} shown={shown} />
      </CollapsibleSection>
    </>
  );
}
