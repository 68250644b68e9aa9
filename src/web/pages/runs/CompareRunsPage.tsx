import { useEffect, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AppRef, RunComparison, RunSummary } from '../../../api/index.js';
import { useCompareRuns } from '../../api/runQueries.js';
import { useAppRef } from '../../api/useAppRef.js';
import { EmptyState } from '../../components/EmptyState.js';
import { QueryView } from '../../components/QueryView.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { appPaths } from '../../lib/appPaths.js';
import { formatBytes } from '../../lib/formatBytes.js';
import { formatCuHours } from '../../lib/formatCuHours.js';
import { DateTime } from '../../components/timeZone/DateTime.js';
import { formatDuration } from '../../lib/formatDuration.js';
import { runRef } from './runRef.js';

/**
 * `/apps/:appId/:attempt/compare?with=&withAttempt=`: this run side by side with another (by default the
 * previous run of its job, written into the URL once known so the link stays the same comparison).
 */
export default function CompareRunsPage() {
  const app = useAppRef();
  const [params, setParams] = useSearchParams();
  const other = params.get('with') ?? undefined;
  const withAttempt = params.get('withAttempt') ?? undefined;
  const comparison = useCompareRuns(app, { with: other, withAttempt });
  const resolved = comparison.data?.b;
  useEffect(() => {
    if (other !== undefined || resolved === undefined) return;
    setParams(
      (p) => {
        const out = new URLSearchParams(p);
        out.set('with', resolved.appId);
        if (resolved.attemptId !== undefined) out.set('withAttempt', resolved.attemptId);
        return out;
      },
      { replace: true },
    );
  }, [other, resolved, setParams]);
  return (
    <QueryView query={comparison} loadingLabel="Comparing runs…" errorTitle="Cannot compare these runs">
      {(c) => <ComparisonView app={app} c={c} />}
    </QueryView>
  );
}

/** a − b with its sign, in the unit's format; `+12%` after it where b is not zero. */
function Delta({ a, b, format }: { a: number; b: number; format: (v: number) => string }) {
  const d = a - b;
  if (d === 0) return <span className="text-slate-400">—</span>;
  const pct = b !== 0 ? ` (${d > 0 ? '+' : ''}${((d / b) * 100).toFixed(0)}%)` : '';
  return (
    <span className={d > 0 ? 'text-rose-700 dark:text-rose-300' : 'text-emerald-700 dark:text-emerald-300'} data-testid="delta">
      {d > 0 ? '+' : '−'}
      {format(Math.abs(d))}
      {pct}
    </span>
  );
}

const count = (v: number) => String(v);

const SUMMARY_ROWS: { label: string; value: (r: RunSummary) => number; format: (v: number) => string }[] = [
  { label: 'Duration', value: (r) => r.durationMs, format: formatDuration },
  { label: 'CU-hours', value: (r) => r.cuHours, format: formatCuHours },
  { label: 'Task time', value: (r) => r.taskTimeMs, format: formatDuration },
  { label: 'Input', value: (r) => r.inputBytes, format: formatBytes },
  { label: 'Output', value: (r) => r.outputBytes, format: formatBytes },
  { label: 'Shuffle read', value: (r) => r.shuffleReadBytes, format: formatBytes },
  { label: 'Shuffle write', value: (r) => r.shuffleWriteBytes, format: formatBytes },
  { label: 'Failed tasks', value: (r) => r.failedTasks, format: count },
  { label: 'Failed stages', value: (r) => r.failedStages, format: count },
  { label: 'Failed jobs', value: (r) => r.failedJobs, format: count },
  { label: 'Executors', value: (r) => r.executors, format: count },
];

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section data-testid={testId} className="space-y-2">
      <h3 className="text-base font-semibold">{title}</h3>
      <div className="overflow-x-auto">{children}</div>
    </section>
  );
}

const th = 'px-2 py-1';
const td = 'px-2 py-1 align-top';

/** Header of a table of things matched across the two runs: what, its value in each run, and the change. */
function MatchedHead({ first }: { first: string }) {
  return (
    <thead className="text-left text-xs text-slate-500">
      <tr>
        <th className={th}>{first}</th>
        <th className={`${th} text-right`}>This run</th>
        <th className={`${th} text-right`}>Compared with</th>
        <th className={`${th} text-right`}>Change</th>
      </tr>
    </thead>
  );
}

function RunHead({ run, label }: { run: RunSummary; label: string }) {
  return (
    <th className={`${th} text-right`}>
      <div className="text-xs text-slate-500">{label}</div>
      <Link className="link font-mono" to={appPaths.jobs(runRef(run))} data-testid={`run-${label === 'This run' ? 'a' : 'b'}`}>
        {run.appId}
      </Link>
      <div className="text-xs font-normal">
        <DateTime epochMs={run.startTime} /> · <StatusBadge status={run.status} /> · Spark {run.sparkVersion}
      </div>
    </th>
  );
}

function ComparisonView({ app, c }: { app: AppRef; c: RunComparison }) {
  const changed = c.properties.filter((p) => !p.runSpecific);
  const runSpecific = c.properties.filter((p) => p.runSpecific);
  const ms = (v: number | undefined) => (v === undefined ? '' : formatDuration(v));
  return (
    <div className="space-y-6" data-testid="compare-runs">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">
          {c.a.name}: two runs side by side
        </h2>
        <Link className="link text-sm" to={appPaths.runs(app)}>
          All runs of this job →
        </Link>
      </div>

      <Section title="Summary" testId="compare-summary">
        <table className="w-full text-sm">
          <thead className="text-left">
            <tr>
              <th className={th} />
              <RunHead run={c.a} label="This run" />
              <RunHead run={c.b} label="Compared with" />
              <th className={`${th} text-right text-xs text-slate-500`}>Change</th>
            </tr>
          </thead>
          <tbody>
            {SUMMARY_ROWS.map((row) => (
              <tr key={row.label} className="border-t border-slate-200 dark:border-slate-800" data-row={row.label}>
                <td className={td}>{row.label}</td>
                <td className={`${td} text-right`}>{row.format(row.value(c.a))}</td>
                <td className={`${td} text-right`}>{row.format(row.value(c.b))}</td>
                <td className={`${td} text-right`}>
                  <Delta a={row.value(c.a)} b={row.value(c.b)} format={row.format} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title={`Spark properties that differ (${changed.length})`} testId="compare-properties">
        {changed.length === 0 ? (
          <EmptyState title="Same settings">Only the runs' own ids, hosts and times differ.</EmptyState>
        ) : (
          <table className="w-full text-sm">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th className={th}>Property</th>
                <th className={th}>This run</th>
                <th className={th}>Compared with</th>
              </tr>
            </thead>
            <tbody>
              {changed.map((p) => (
                <tr key={p.key} className="border-t border-slate-200 dark:border-slate-800" data-testid="property-diff" data-key={p.key}>
                  <td className={`${td} font-mono`}>{p.key}</td>
                  <td className={`${td} font-mono`}>{p.a ?? <em className="text-slate-400">not set</em>}</td>
                  <td className={`${td} font-mono`}>{p.b ?? <em className="text-slate-400">not set</em>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {runSpecific.length > 0 && (
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-slate-600 dark:text-slate-400">{runSpecific.length} properties that name each run (ids, hosts, times)</summary>
            <ul className="mt-1 font-mono text-xs">
              {runSpecific.map((p) => (
                <li key={p.key}>
                  {p.key}: {p.a ?? '—'} / {p.b ?? '—'}
                </li>
              ))}
            </ul>
          </details>
        )}
      </Section>

      <Section title="Jobs (matched by call site)" testId="compare-jobs">
        <table className="w-full text-sm">
          <MatchedHead first="Job" />
          <tbody>
            {c.jobs.map((j, i) => (
              <tr key={`${j.name}-${i}`} className="border-t border-slate-200 dark:border-slate-800">
                <td className={td}>{j.name}</td>
                <td className={`${td} text-right`}>{j.a ? <Link className="link" to={appPaths.job(runRef(c.a), j.a.jobId)}>{`#${j.a.jobId} · ${ms(j.a.durationMs)}`}</Link> : '—'}</td>
                <td className={`${td} text-right`}>{j.b ? <Link className="link" to={appPaths.job(runRef(c.b), j.b.jobId)}>{`#${j.b.jobId} · ${ms(j.b.durationMs)}`}</Link> : '—'}</td>
                <td className={`${td} text-right`}>{j.a && j.b ? <Delta a={j.a.durationMs} b={j.b.durationMs} format={formatDuration} /> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="Stages (matched by name)" testId="compare-stages">
        <table className="w-full text-sm">
          <MatchedHead first="Stage" />
          <tbody>
            {c.stages.map((s, i) => (
              <tr key={`${s.name}-${i}`} className="border-t border-slate-200 dark:border-slate-800">
                <td className={td}>{s.name}</td>
                {[s.a, s.b].map((side, k) => (
                  <td key={k} className={`${td} text-right`}>
                    {side ? (
                      <Link className="link" to={appPaths.stage(runRef(k === 0 ? c.a : c.b), side.stageId, side.attemptId)}>
                        {`${side.stageId}.${side.attemptId} · ${side.numTasks} tasks · ${ms(side.durationMs)}`}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                ))}
                <td className={`${td} text-right`}>{s.a && s.b ? <Delta a={s.a.durationMs} b={s.b.durationMs} format={formatDuration} /> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title="SQL queries (matched by query signature)" testId="compare-sql">
        {c.sql.length === 0 ? (
          <EmptyState title="No SQL queries" />
        ) : (
          <table className="w-full text-sm">
            <MatchedHead first="Query" />
            <tbody>
              {c.sql.map((q, i) => (
                <tr key={`${q.description}-${i}`} className="border-t border-slate-200 dark:border-slate-800" data-testid="sql-match">
                  <td className={`${td} max-w-xl`}>
                    <div className="truncate" title={q.description}>
                      {q.description}
                    </div>
                    {(q.planOnlyInA.length > 0 || q.planOnlyInB.length > 0) && (
                      <details className="mt-1" data-testid="plan-diff">
                        <summary className="cursor-pointer text-xs text-amber-700 dark:text-amber-300">The physical plan changed</summary>
                        <pre className="mt-1 overflow-x-auto text-xs">
                          {q.planOnlyInA.map((l) => `+ ${l}`).join('\n')}
                          {q.planOnlyInA.length > 0 && q.planOnlyInB.length > 0 ? '\n' : ''}
                          {q.planOnlyInB.map((l) => `- ${l}`).join('\n')}
                        </pre>
                      </details>
                    )}
                  </td>
                  <td className={`${td} text-right`}>{q.a ? <Link className="link" to={appPaths.sqlExecution(runRef(c.a), q.a.executionId)}>{`#${q.a.executionId} · ${ms(q.a.durationMs)}`}</Link> : '—'}</td>
                  <td className={`${td} text-right`}>{q.b ? <Link className="link" to={appPaths.sqlExecution(runRef(c.b), q.b.executionId)}>{`#${q.b.executionId} · ${ms(q.b.durationMs)}`}</Link> : '—'}</td>
                  <td className={`${td} text-right`}>{q.a && q.b ? <Delta a={q.a.durationMs} b={q.b.durationMs} format={formatDuration} /> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      {c.truncated && <p className="text-xs text-slate-500">Lists stop at 500 rows each.</p>}
    </div>
  );
}
