import { useMemo, useState } from 'react';
import type { JobData } from '../../../api/index.js';
import { useAppAttempt } from '../../api/applicationQueries.js';
import { useEnvironment } from '../../api/environmentQueries.js';
import { useAllExecutors } from '../../api/executorQueries.js';
import { useJobs } from '../../api/jobQueries.js';
import { useAppRef } from '../../api/useAppRef.js';
import { CollapsibleSection } from '../../components/CollapsibleSection.js';
import { EmptyState } from '../../components/EmptyState.js';
import { LoadingState } from '../../components/LoadingState.js';
import { QueryView } from '../../components/QueryView.js';
import { SummaryList } from '../../components/SummaryList.js';
import { formatDuration } from '../../lib/formatDuration.js';
import { WhySummary } from '../diagnostics/WhySummary.js';
import { AppEventTimeline } from './AppEventTimeline.js';
import { JobTable } from './JobTable.js';
import { jobGroup } from './jobTiming.js';

/** Spark's "Spark Jobs" page (§2.2): summary, event timeline, and Active/Completed/Failed job tables. */
export default function JobsPage() {
  const app = useAppRef();
  const jobs = useJobs(app);
  const { attempt } = useAppAttempt(app);
  const executors = useAllExecutors(app);
  const environment = useEnvironment(app);
  const [hoveredJob, setHoveredJob] = useState<number | undefined>();
  // One clock per render pass, so running durations agree across the summary, timeline and tables.
  const now = useMemo(() => Date.now(), [jobs.dataUpdatedAt]); // eslint-disable-line react-hooks/exhaustive-deps

  const schedulingMode =
    environment.data?.sparkProperties.find(([k]) => k === 'spark.scheduler.mode')?.[1] ?? (environment.isSuccess ? 'Unknown' : '…');
  const uptime = attempt === undefined ? undefined : attempt.completed ? attempt.duration : now - attempt.startTimeEpoch;

  return (
    <div data-testid="jobs-page">
      <WhySummary app={app} />
      <h2 className="mb-2 text-lg font-semibold" title="A job is triggered by an action, like count() or saveAsTextFile().">
        Spark Jobs
      </h2>
      <QueryView query={jobs} loadingLabel="Loading jobs…">
        {(list) => {
          const groups: Record<'active' | 'completed' | 'failed', JobData[]> = { active: [], completed: [], failed: [] };
          for (const j of list) groups[jobGroup(j)].push(j);
          return (
            <>
              <SummaryList
                testId="jobs-summary"
                items={[
                  { label: 'User:', value: attempt?.sparkUser ?? '…' },
                  { label: 'Total Uptime:', value: uptime === undefined ? '…' : formatDuration(uptime) },
                  { label: 'Scheduling Mode:', value: schedulingMode },
                  { label: <a href="#active" className="link">Active Jobs:</a>, value: groups.active.length, hidden: groups.active.length === 0 },
                  { label: <a href="#completed" className="link">Completed Jobs:</a>, value: groups.completed.length, hidden: groups.completed.length === 0 },
                  { label: <a href="#failed" className="link">Failed Jobs:</a>, value: groups.failed.length, hidden: groups.failed.length === 0 },
                ]}
              />
              <CollapsibleSection title="Event Timeline" storageKey="application-timeline">
                {/* Drawn once the executors are known (or failed to load: then jobs alone), never as an empty
                    "Nothing to draw" flash while they load. */}
                {executors.isPending ? (
                  <LoadingState label="Loading the event timeline…" />
                ) : (
                  <AppEventTimeline app={app} jobs={list} executors={executors.data ?? []} now={now} onHoverJob={setHoveredJob} />
                )}
              </CollapsibleSection>
              {list.length === 0 && (
                <div className="mt-4">
                  {attempt?.completed === true ? (
                    <EmptyState title="No jobs">This application ended without running any Spark job (no action such as count, collect or save ran).</EmptyState>
                  ) : (
                    <EmptyState title="No jobs yet">This application has not run any job so far.</EmptyState>
                  )}
                </div>
              )}
              {groups.active.length > 0 && (
                <CollapsibleSection id="active" title={`Active Jobs (${groups.active.length})`} storageKey="activeJobs">
                  <JobTable app={app} jobs={groups.active} urlKey="activeJob" label="Active Jobs" highlightedJob={hoveredJob} now={now} />
                </CollapsibleSection>
              )}
              {groups.completed.length > 0 && (
                <CollapsibleSection id="completed" title={`Completed Jobs (${groups.completed.length})`} storageKey="completedJobs">
                  <JobTable app={app} jobs={groups.completed} urlKey="completedJob" label="Completed Jobs" highlightedJob={hoveredJob} now={now} />
                </CollapsibleSection>
              )}
              {groups.failed.length > 0 && (
                <CollapsibleSection id="failed" title={`Failed Jobs (${groups.failed.length})`} storageKey="failedJobs">
                  <JobTable app={app} jobs={groups.failed} urlKey="failedJob" label="Failed Jobs" highlightedJob={hoveredJob} now={now} />
                </CollapsibleSection>
              )}
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
