import { lazy, Suspense, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import type { AppRef, JobData, StageData, StageGraphNode } from '../../../api/index.js';
import { useAllExecutors } from '../../api/executorQueries.js';
import { useJob } from '../../api/jobQueries.js';
import { useSqlExecutions } from '../../api/sqlQueries.js';
import { useStageGraph, useStages } from '../../api/stageQueries.js';
import { useAppRef } from '../../api/useAppRef.js';
import { CollapsibleSection } from '../../components/CollapsibleSection.js';
import { JobDag as JobDagGraph, type JobDagStage } from '../../components/dag/JobDag.js';
import { EmptyState } from '../../components/EmptyState.js';
import { LoadingState } from '../../components/LoadingState.js';
import { QueryView } from '../../components/QueryView.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { SummaryList } from '../../components/SummaryList.js';
import { SparkDateTime } from '../../components/timeZone/DateTime.js';
import { appPaths } from '../../lib/appPaths.js';
import { formatDuration } from '../../lib/formatDuration.js';
import { groupStages, StageTables } from '../stages/StageTables.js';
import { stageDurationMs } from '../stages/stageTiming.js';
import { JobStageTimeline } from './JobStageTimeline.js';
import { jobDurationMs } from './jobTiming.js';

const StageDurationChart = lazy(() => import('./StageDurationChart.js'));

/** Spark's "Details for Job N" (§2.3): summary, event timeline, stage DAG, stage durations and stage tables. */
export default function JobDetailPage() {
  const app = useAppRef();
  const jobId = Number(useParams().jobId);
  const job = useJob(app, jobId);
  return (
    <div data-testid="job-page">
      <h2 className="mb-2 text-lg font-semibold">Details for Job {jobId}</h2>
      <QueryView query={job} loadingLabel="Loading job…" errorTitle={`No information to display for job ${jobId}`}>
        {(data) => <JobDetail app={app} job={data} />}
      </QueryView>
    </div>
  );
}

function JobDetail({ app, job }: { app: AppRef; job: JobData }) {
  const stages = useStages(app);
  const executors = useAllExecutors(app);
  const sql = useSqlExecutions(app, { details: false, planDescription: false, offset: 0, length: 100_000 });
  const now = useMemo(() => Date.now(), [stages.dataUpdatedAt]); // eslint-disable-line react-hooks/exhaustive-deps
  const sqlExecution = sql.data?.find((e) => [...e.runningJobIds, ...e.successJobIds, ...e.failedJobIds].includes(job.jobId));

  const jobStages = useMemo(() => {
    const ids = new Set(job.stageIds);
    return (stages.data ?? []).filter((s) => ids.has(s.stageId));
  }, [stages.data, job.stageIds]);
  const missing = job.stageIds.filter((id) => !jobStages.some((s) => s.stageId === id));
  const groups = groupStages(jobStages);
  const duration = jobDurationMs(job, now);

  return (
    <>
      <SummaryList
        testId="job-summary"
        items={[
          { label: 'Status:', value: <StatusBadge status={job.status} /> },
          { label: 'Submitted:', value: <SparkDateTime text={job.submissionTime} /> },
          { label: 'Duration:', value: duration === undefined ? 'Unknown' : formatDuration(duration) },
          {
            label: 'Associated SQL Query:',
            value:
              sqlExecution !== undefined ? (
                <Link className="link" to={appPaths.sqlExecution(app, sqlExecution.id)}>
                  {sqlExecution.id}
                </Link>
              ) : null,
            hidden: sqlExecution === undefined,
          },
          { label: 'Job Group:', value: job.jobGroup, hidden: job.jobGroup === undefined },
          { label: <a href="#active" className="link">Active Stages:</a>, value: groups.active.length, hidden: groups.active.length === 0 },
          { label: <a href="#pending" className="link">Pending Stages:</a>, value: groups.pending.length, hidden: groups.pending.length === 0 },
          { label: <a href="#completed" className="link">Completed Stages:</a>, value: groups.completed.length, hidden: groups.completed.length === 0 },
          { label: <a href="#skipped" className="link">Skipped Stages:</a>, value: groups.skipped.length, hidden: groups.skipped.length === 0 },
          { label: <a href="#failed" className="link">Failed Stages:</a>, value: groups.failed.length, hidden: groups.failed.length === 0 },
        ]}
      />
      <QueryView query={stages} loadingLabel="Loading stages…">
        {() => (
          <>
            <CollapsibleSection title="Event Timeline" storageKey="job-timeline">
              <JobStageTimeline app={app} stages={jobStages} executors={executors.data ?? []} now={now} />
            </CollapsibleSection>
            <CollapsibleSection title="DAG Visualization" storageKey="job-dag">
              <JobDag app={app} job={job} />
            </CollapsibleSection>
            <CollapsibleSection title="Stage Durations" storageKey="job-stage-durations">
              <StageDurations stages={jobStages} now={now} />
            </CollapsibleSection>
            {missing.length > 0 && (
              <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
                No data available for stage{missing.length > 1 ? 's' : ''} {missing.join(', ')}.
              </p>
            )}
            <StageTables app={app} stages={jobStages} now={now} urlPrefix="job." />
          </>
        )}
      </QueryView>
    </>
  );
}

/**
 * The job's stages with their RDD graphs and Spark's parent edges (console stage graph); skipped stages are grey,
 * as in Spark.
 */
function JobDag({ app, job }: { app: AppRef; job: JobData }) {
  const graph = useStageGraph(app);
  const dagStages = useMemo<JobDagStage[]>(() => {
    // One node per stage id: its newest attempt.
    const newest = new Map<number, StageGraphNode>();
    for (const s of graph.data?.stages ?? []) if ((newest.get(s.stageId)?.attemptId ?? -1) < s.attemptId) newest.set(s.stageId, s);
    return job.stageIds.map((id) => {
      const s = newest.get(id);
      return s === undefined
        ? { stageId: id, attemptId: 0, name: 'No data', parentIds: [], status: 'MISSING', rdds: [] }
        : { stageId: id, attemptId: s.attemptId, name: s.name, parentIds: s.parentIds, status: s.status, rdds: s.rdds, href: appPaths.stage(app, id, s.attemptId) };
    });
  }, [app, job.stageIds, graph.data]);
  return (
    <QueryView query={graph} loadingLabel="Loading DAG…">
      {() => (dagStages.length === 0 ? <EmptyState title={`No DAG visualization information to display for job ${job.jobId}`} /> : <JobDagGraph stages={dagStages} />)}
    </QueryView>
  );
}

function StageDurations({ stages, now }: { stages: readonly StageData[]; now: number }) {
  const data = stages
    .map((s) => ({ label: `${s.stageId}${s.attemptId > 0 ? `.${s.attemptId}` : ''}`, durationMs: stageDurationMs(s, now), status: s.status, sort: s.stageId * 1000 + s.attemptId }))
    .filter((d): d is typeof d & { durationMs: number } => d.durationMs !== undefined)
    .sort((a, b) => a.sort - b.sort);
  if (data.length === 0) return <EmptyState title="No stage of this job has run yet" />;
  return (
    <Suspense fallback={<LoadingState label="Loading chart…" />}>
      <StageDurationChart data={data} />
    </Suspense>
  );
}
