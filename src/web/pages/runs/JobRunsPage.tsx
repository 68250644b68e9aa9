import { lazy, Suspense, useCallback } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { RunList, RunSummary } from '../../../api/index.js';
import { useAppRuns } from '../../api/runQueries.js';
import { useAppRef } from '../../api/useAppRef.js';
import { EmptyState } from '../../components/EmptyState.js';
import { QueryView } from '../../components/QueryView.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { appPaths } from '../../lib/appPaths.js';
import { formatBytes } from '../../lib/formatBytes.js';
import { formatCuHours } from '../../lib/formatCuHours.js';
import { DateTime } from '../../components/timeZone/DateTime.js';
import { formatDuration } from '../../lib/formatDuration.js';
import { runKey, runRef } from './runRef.js';

const RunTrendChart = lazy(() => import('../../components/charts/RunTrendChart.js'));

/** Runs shown (and charted): the newest hundred. */
const RUNS_SHOWN = 100;

/**
 * `/apps/:appId/:attempt/runs`: every run of this application's job (same project and name) over time — a
 * trend chart whose points open a run, and a table where two runs are picked (`?pick=` in the URL) to compare.
 */
export default function JobRunsPage() {
  const app = useAppRef();
  const runs = useAppRuns(app.appId, { limit: RUNS_SHOWN });
  return (
    <QueryView query={runs} loadingLabel="Loading runs…" errorTitle="Runs not available">
      {(list) => <RunsView list={list} />}
    </QueryView>
  );
}

function RunsView({ list }: { list: RunList }) {
  const app = useAppRef();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // Stable, so the chart's dots are not replaced while the pointer is on them.
  const openRun = useCallback((run: RunSummary) => void navigate(appPaths.jobs(runRef(run))), [navigate]);
  const picked = (params.get('pick') ?? '').split(',').filter((k) => k !== '');
  const toggle = (run: RunSummary) => {
    const key = runKey(runRef(run));
    const next = picked.includes(key) ? picked.filter((k) => k !== key) : [...picked, key].slice(-2);
    setParams((p) => {
      const out = new URLSearchParams(p);
      if (next.length === 0) out.delete('pick');
      else out.set('pick', next.join(','));
      return out;
    }, { replace: true });
  };
  // The newer of the two picked runs is compared with the older one.
  const pickedRuns = picked.map((k) => list.runs.find((r) => runKey(runRef(r)) === k)).filter((r): r is RunSummary => r !== undefined);
  const [newer, older] = [...pickedRuns].sort((a, b) => b.startTime - a.startTime);
  return (
    <div className="space-y-4" data-testid="job-runs">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold">
          Runs of <span data-testid="job-name">{list.name}</span> in {list.project}
        </h2>
        <span className="text-sm text-slate-600 dark:text-slate-400">
          {list.total} run{list.total === 1 ? '' : 's'}
          {list.total > list.runs.length ? ` (newest ${list.runs.length} shown)` : ''}
        </span>
      </div>
      {list.runs.length < 2 ? (
        <EmptyState title="This job has run once">Runs of the same project and application name appear here.</EmptyState>
      ) : (
        <Suspense fallback={<div className="h-[240px]" />}>
          <RunTrendChart runs={list.runs} onOpen={openRun} />
        </Suspense>
      )}
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="text-slate-600 dark:text-slate-400">Pick two runs to compare them.</span>
        {newer !== undefined && older !== undefined ? (
          <Link className="btn" to={appPaths.compare(runRef(newer), runRef(older))} data-testid="compare-picked">
            Compare {newer.appId} with {older.appId}
          </Link>
        ) : (
          <button type="button" className="btn" disabled data-testid="compare-picked">
            Compare
          </button>
        )}
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="runs-table">
          <thead className="text-left text-xs text-slate-500 dark:text-slate-400">
            <tr>
              <th className="px-2 py-1">Pick</th>
              <th className="px-2 py-1">Run</th>
              <th className="px-2 py-1">Started</th>
              <th className="px-2 py-1">Status</th>
              <th className="px-2 py-1 text-right">Duration</th>
              <th className="px-2 py-1 text-right">CU-hours</th>
              <th className="px-2 py-1 text-right">Input</th>
              <th className="px-2 py-1 text-right">Shuffle read</th>
              <th className="px-2 py-1 text-right">Shuffle write</th>
              <th className="px-2 py-1 text-right">Failed tasks</th>
              <th className="px-2 py-1 text-right">Executors</th>
            </tr>
          </thead>
          <tbody>
            {list.runs.map((run) => {
              const key = runKey(runRef(run));
              const current = run.appId === app.appId;
              return (
                <tr key={key} data-app-id={run.appId} className={`border-t border-slate-200 dark:border-slate-800 ${current ? 'bg-sky-50 dark:bg-sky-950/30' : ''}`}>
                  <td className="px-2 py-1">
                    <input type="checkbox" aria-label={`Pick ${run.appId}`} checked={picked.includes(key)} onChange={() => toggle(run)} />
                  </td>
                  <td className="px-2 py-1 font-mono">
                    <Link className="link" to={appPaths.jobs(runRef(run))}>
                      {run.appId}
                    </Link>
                    {current && <span className="ml-1 text-xs text-slate-500">(this run)</span>}
                  </td>
                  <td className="px-2 py-1"><DateTime epochMs={run.startTime} /></td>
                  <td className="px-2 py-1">
                    <StatusBadge status={run.status} />
                  </td>
                  <td className="px-2 py-1 text-right">{formatDuration(run.durationMs)}</td>
                  <td className="px-2 py-1 text-right">{formatCuHours(run.cuHours)}</td>
                  <td className="px-2 py-1 text-right">{formatBytes(run.inputBytes)}</td>
                  <td className="px-2 py-1 text-right">{formatBytes(run.shuffleReadBytes)}</td>
                  <td className="px-2 py-1 text-right">{formatBytes(run.shuffleWriteBytes)}</td>
                  <td className="px-2 py-1 text-right">{run.failedTasks}</td>
                  <td className="px-2 py-1 text-right">{run.executors}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

