import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import type { JobCounts, ProjectMember, ProjectRole, ProjectSummary } from '../../../api/index.js';
import { useCurrentSession } from '../../api/sessionContext.js';
import { Initials } from '../../components/Initials.js';
import { DateTime } from '../../components/timeZone/DateTime.js';
import { appPaths, projectAppsPath } from '../../lib/appPaths.js';

/** Parts shared by the projects landing page and a project's page. */

export const UsageChart = lazy(() => import('../../components/charts/UsageChart.js'));

/**
 * The caller's role in a project. The server gives a console administrator no role (they may do
 * everything), so their membership, if any, is read from the member list.
 */
export function myProjectRole(project: ProjectSummary, user: string | undefined): ProjectRole | null {
  return project.myRole ?? project.members.find((m) => m.user === user)?.role ?? null;
}

/** The caller's role, marked "console admin" for an administrator. */
export function RoleBadge({ project }: { project: ProjectSummary }) {
  const session = useCurrentSession();
  const role = myProjectRole(project, session?.user.name);
  const admin = session?.user.admin === true && session.authMode === 'password';
  const text = role === null ? (admin ? 'console admin' : 'no role') : admin && project.myRole === null ? `${role} · console admin` : role;
  return (
    <span
      className="inline-flex shrink-0 items-center whitespace-nowrap rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600"
      title="Your role in this project"
      data-testid="my-role"
      data-role={role ?? ''}
    >
      {text}
    </span>
  );
}

const COUNT_TONES = {
  running: 'text-emerald-700 dark:text-emerald-300',
  succeeded: 'text-sky-700 dark:text-sky-300',
  failed: 'text-rose-700 dark:text-rose-300',
  unknown: 'text-amber-700 dark:text-amber-300',
} as const;

/**
 * Running / succeeded / failed counts of a window, each a link to the project's list with that status; the
 * applications that ended without an end event (`unknown`) only when there are some.
 */
export function JobCountsLine({ project, counts, label, testId }: { project: string; counts: JobCounts; label: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <div className="text-xs text-slate-500 dark:text-slate-400">{label}</div>
      <div className="mt-0.5 flex gap-3 text-sm">
        {(['running', 'succeeded', 'failed', 'unknown'] as const).filter((s) => s !== 'unknown' || counts.unknown > 0).map((status) => (
          <Link
            key={status}
            to={projectAppsPath(project, status)}
            className="link-plain whitespace-nowrap"
            title={`${counts[status]} ${status} — show them`}
            data-status={status}
          >
            <span className={`font-semibold tabular-nums ${counts[status] > 0 ? COUNT_TONES[status] : 'text-slate-400 dark:text-slate-500'}`}>{counts[status]}</span>{' '}
            <span className="text-slate-500 dark:text-slate-400">{status}</span>
          </Link>
        ))}
      </div>
    </div>
  );
}

export function LatestFailure({ failure }: { failure: ProjectSummary['latestFailure'] }) {
  if (failure === null) return <span className="text-sm text-slate-500 dark:text-slate-400">No failures</span>;
  return (
    <span className="flex min-w-0 items-baseline gap-2 text-sm" data-testid="latest-failure">
      <Link to={appPaths.jobs({ appId: failure.appId, attemptId: failure.attemptId })} className="link truncate" title={`${failure.name} (${failure.appId})`}>
        {failure.name}
      </Link>
      <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400"><DateTime epochMs={failure.endTime} /></span>
    </span>
  );
}

/** Up to `max` members as initials, then "+N"; every name is in the accessible label. */
export function MemberStack({ members, max = 6 }: { members: readonly ProjectMember[]; max?: number }) {
  const shown = members.slice(0, max);
  const label = members.map((m) => `${m.displayName} (${m.role})`).join(', ');
  if (members.length === 0) return <span className="text-sm text-slate-500 dark:text-slate-400">No members</span>;
  return (
    <span className="flex items-center" role="img" aria-label={`Members: ${label}`} title={label} data-testid="member-stack">
      {shown.map((m, i) => (
        <Initials key={m.user} name={m.displayName} className={i > 0 ? '-ml-1' : undefined} />
      ))}
      {members.length > max && <span className="ml-1.5 text-xs text-slate-500">+{members.length - max}</span>}
    </span>
  );
}

/** Owner, quota group and region as a compact definition list. */
export function ProjectFacts({ project }: { project: ProjectSummary }) {
  const facts: [string, string | null][] = [
    ['Owner', project.owner],
    ['Quota group', project.quotaGroup],
    ['Region', project.region],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
      {facts.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
          <dd className="truncate" title={value ?? undefined}>
            {value ?? <span className="text-slate-400">—</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The small usage trend; an empty box of the same height while recharts loads. */
export function UsageTrend({ project }: { project: ProjectSummary }) {
  return (
    <Suspense fallback={<div className="h-12" />}>
      <UsageChart days={project.usage} variant="trend" height={48} />
    </Suspense>
  );
}
