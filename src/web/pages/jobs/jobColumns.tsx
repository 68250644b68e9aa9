import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { AppRef, JobData } from '../../../api/index.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { SparkDateTime } from '../../components/timeZone/DateTime.js';
import { appPaths } from '../../lib/appPaths.js';
import { epochMillisFromSparkDate } from '../../lib/formatDate.js';
import { formatDuration } from '../../lib/formatDuration.js';
import { jobDurationMs } from './jobTiming.js';

const col = createColumnHelper<JobData>();

/** Spark's job-table columns (§2.2): id (and group), description + call-site link, submitted, duration, stages, tasks. */
export function jobColumns(app: AppRef, options: { showGroup: boolean; now: number }) {
  return [
    col.accessor('jobId', {
      id: 'id',
      header: options.showGroup ? 'Job Id (Job Group)' : 'Job Id',
      sortDescFirst: true,
      cell: (c) => {
        const job = c.row.original;
        return (
          <span className="whitespace-nowrap tabular-nums">
            {job.jobId}
            {options.showGroup && job.jobGroup !== undefined && <span className="text-slate-500"> ({job.jobGroup})</span>}
          </span>
        );
      },
    }),
    col.accessor((j) => `${j.description ?? ''} ${j.name}`, {
      id: 'description',
      header: 'Description',
      cell: (c) => {
        const job = c.row.original;
        return (
          <div className="min-w-0 max-w-[28rem]">
            {job.description !== undefined && <div className="break-words text-slate-700 dark:text-slate-300">{job.description}</div>}
            <Link to={appPaths.job(app, job.jobId)} className="link break-words" data-testid="job-link">
              {job.name}
            </Link>
          </div>
        );
      },
    }),
    col.accessor((j) => epochMillisFromSparkDate(j.submissionTime) ?? 0, {
      id: 'submitted',
      header: 'Submitted',
      cell: (c) => <SparkDateTime text={c.row.original.submissionTime} />,
    }),
    col.accessor((j) => jobDurationMs(j, options.now) ?? -1, {
      id: 'duration',
      header: 'Duration',
      meta: { align: 'right', headerTitle: 'Elapsed time since the job was submitted until completion of the job.' },
      cell: (c) => {
        const ms = jobDurationMs(c.row.original, options.now);
        return <span className="whitespace-nowrap">{ms === undefined ? 'Unknown' : formatDuration(ms)}</span>;
      },
    }),
    col.display({
      id: 'stages',
      header: 'Stages: Succeeded/Total',
      cell: (c) => {
        const j = c.row.original;
        return (
          <span className="whitespace-nowrap tabular-nums">
            {j.numCompletedStages}/{j.stageIds.length - j.numSkippedStages}
            {j.numFailedStages > 0 && ` (${j.numFailedStages} failed)`}
            {j.numSkippedStages > 0 && ` (${j.numSkippedStages} skipped)`}
          </span>
        );
      },
    }),
    col.display({
      id: 'tasks',
      header: 'Tasks (for all stages): Succeeded/Total',
      cell: (c) => {
        const j = c.row.original;
        return (
          <ProgressBar
            completed={j.numCompletedIndices}
            total={j.numTasks - j.numSkippedTasks}
            running={j.numActiveTasks}
            failed={j.numFailedTasks}
            skipped={j.numSkippedTasks}
            killed={j.killedTasksSummary}
          />
        );
      },
    }),
  ];
}
