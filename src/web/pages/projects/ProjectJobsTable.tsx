import { Link } from 'react-router';
import type { JobList } from '../../../api/index.js';
import { useProjectJobs } from '../../api/runQueries.js';
import { EmptyState } from '../../components/EmptyState.js';
import { QueryView } from '../../components/QueryView.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { appPaths } from '../../lib/appPaths.js';
import { formatCuHours } from '../../lib/formatCuHours.js';
import { DateTime } from '../../components/timeZone/DateTime.js';
import { formatDuration } from '../../lib/formatDuration.js';

/** Jobs shown on the project page; the costliest come first. */
const SHOWN = 10;

/** A project's jobs (applications by name), costliest first; a job opens its runs over time. */
export function ProjectJobsTable({ project }: { project: string }) {
  const jobs = useProjectJobs(project);
  return (
    <section aria-labelledby="costly-jobs-heading" data-testid="project-jobs">
      <h2 id="costly-jobs-heading" className="mb-2 text-base font-semibold">
        Jobs by compute
      </h2>
      <QueryView query={jobs} loadingLabel="Loading jobs…">
        {(list) => <JobsTable list={list} />}
      </QueryView>
    </section>
  );
}

function JobsTable({ list }: { list: JobList }) {
  if (list.jobs.length === 0) return <EmptyState title="No jobs yet" />;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-slate-500 dark:text-slate-400">
          <tr>
            <th className="px-2 py-1">Job</th>
            <th className="px-2 py-1 text-right">CU-hours</th>
            <th className="px-2 py-1 text-right">Runs</th>
            <th className="px-2 py-1 text-right">Failed</th>
            <th className="px-2 py-1 text-right">Mean duration</th>
            <th className="px-2 py-1">Last run</th>
          </tr>
        </thead>
        <tbody>
          {list.jobs.slice(0, SHOWN).map((j) => {
            const last = j.lastRun.attemptId === undefined ? { appId: j.lastRun.appId } : { appId: j.lastRun.appId, attemptId: j.lastRun.attemptId };
            return (
              <tr key={j.name} className="border-t border-slate-200 dark:border-slate-800" data-testid="project-job" data-job={j.name}>
                <td className="px-2 py-1">
                  <Link className="link" to={appPaths.runs(last)}>
                    {j.name}
                  </Link>
                </td>
                <td className="px-2 py-1 text-right">{formatCuHours(j.cuHours)}</td>
                <td className="px-2 py-1 text-right">{j.runs}</td>
                <td className="px-2 py-1 text-right">{j.failedRuns}</td>
                <td className="px-2 py-1 text-right">{formatDuration(j.meanDurationMs)}</td>
                <td className="px-2 py-1">
                  <Link className="link" to={appPaths.jobs(last)}>
                    <DateTime epochMs={j.lastRun.startTime} />
                  </Link>{' '}
                  <StatusBadge status={j.lastRun.status} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {list.jobs.length > SHOWN && <p className="mt-1 text-xs text-slate-500">{list.jobs.length - SHOWN} cheaper jobs not shown.</p>}
    </div>
  );
}
