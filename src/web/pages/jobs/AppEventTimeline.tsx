import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { AppRef, ExecutorSummary, JobData } from '../../../api/index.js';
import { DateTime } from '../../components/timeZone/DateTime.js';
import type { TimelineRange } from '../../components/timeline/eventTimelineLayout.js';
import { EventTimeline, TimelineLegend } from '../../components/timeline/EventTimeline.js';
import { POINT_COLORS, RANGE_COLORS, type RangeState } from '../../components/timeline/sparkTimelineColors.js';
import { appPaths } from '../../lib/appPaths.js';
import { epochMillisFromSparkDate } from '../../lib/formatDate.js';
import { formatDuration } from '../../lib/formatDuration.js';
import { ExecutorTooltip } from './ExecutorTooltip.js';
import { executorTimelinePoints, type ExecutorPoint } from './executorTimelinePoints.js';

interface JobRange extends TimelineRange {
  job: JobData;
}

function jobState(job: JobData): RangeState {
  return job.status === 'SUCCEEDED' ? 'succeeded' : job.status === 'FAILED' ? 'failed' : 'running';
}

/** The application's event timeline (§2.11 A): jobs as bars, executors added/removed as markers. */
export function AppEventTimeline({
  app,
  jobs,
  executors,
  now,
  onHoverJob,
}: {
  app: AppRef;
  jobs: readonly JobData[];
  executors: readonly ExecutorSummary[];
  now: number;
  onHoverJob?: (jobId: number | undefined) => void;
}) {
  const navigate = useNavigate();
  const ranges = useMemo(() => {
    const out: JobRange[] = [];
    for (const job of jobs) {
      const start = epochMillisFromSparkDate(job.submissionTime);
      // Spark leaves out jobs it knows nothing about (UNKNOWN status or never submitted).
      if (start === undefined || job.status === 'UNKNOWN') continue;
      const end = epochMillisFromSparkDate(job.completionTime) ?? now;
      out.push({ key: String(job.jobId), start, end, state: jobState(job), label: `${job.description ?? job.name} (Job ${job.jobId})`, job });
    }
    return out;
  }, [jobs, now]);
  const { points, total } = useMemo(() => executorTimelinePoints(executors), [executors]);

  return (
    <>
      {total > points.length && (
        <p className="mb-1 text-xs font-semibold">
          Only the most recent {points.length} of {total} executor events are shown.
        </p>
      )}
      <EventTimeline<JobRange, ExecutorPoint>
        ranges={ranges}
        points={points}
        rangeGroupLabel="Jobs"
        label={`Event timeline of ${ranges.length} jobs and ${points.length} executor events`}
        testId="app-timeline"
        onActivateRange={(r) => void navigate(appPaths.job(app, r.job.jobId))}
        onHoverRange={(r) => onHoverJob?.(r?.job.jobId)}
        rangeTooltip={(r) => <JobTooltip job={r.job} now={now} />}
        pointTooltip={(p) => <ExecutorTooltip point={p} />}
        legend={
          <TimelineLegend
            items={[
              { label: 'Executor added', ...POINT_COLORS.added, shape: 'diamond' },
              { label: 'Executor removed', ...POINT_COLORS.removed, shape: 'diamond' },
              { label: 'Succeeded', ...RANGE_COLORS.succeeded },
              { label: 'Failed', ...RANGE_COLORS.failed },
              { label: 'Running', ...RANGE_COLORS.running },
            ]}
          />
        }
      />
    </>
  );
}

function JobTooltip({ job, now }: { job: JobData; now: number }) {
  const submitted = epochMillisFromSparkDate(job.submissionTime);
  const completed = epochMillisFromSparkDate(job.completionTime);
  return (
    <div className="space-y-0.5">
      <p className="font-semibold">
        {job.description ?? job.name} (Job {job.jobId})
      </p>
      <p>Status: {job.status}</p>
      <p>Submitted: <DateTime epochMs={submitted} /></p>
      {completed !== undefined && <p>Completed: <DateTime epochMs={completed} /></p>}
      {submitted !== undefined && <p>Duration: {formatDuration((completed ?? now) - submitted)}</p>}
    </div>
  );
}
