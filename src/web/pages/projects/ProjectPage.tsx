import { createColumnHelper } from '@tanstack/react-table';
import { Suspense, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { PROJECT_ROLES, type ProjectMember, type ProjectRole, type ProjectSummary } from '../../../api/index.js';
import { useProject, useRemoveMember, useSetMember, useUserDirectory } from '../../api/accessQueries.js';
import { useCurrentSession } from '../../api/sessionContext.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Initials } from '../../components/Initials.js';
import { MutationError } from '../../components/MutationError.js';
import { QueryView } from '../../components/QueryView.js';
import { projectAppsPath } from '../../lib/appPaths.js';
import { formatCuHours } from '../../lib/formatCuHours.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { ApplicationList } from '../apps/AppsListPage.js';
import { ProjectJobsTable } from './ProjectJobsTable.js';
import { JobCountsLine, LatestFailure, myProjectRole, ProjectFacts, RoleBadge, UsageChart } from './projectParts.js';

/**
 * `/projects/:project`: one project: its facts and job counts, compute per day (CU-hours), members (managed
 * here by the project's admins and owners), and its applications (the application list, fixed to it; its
 * filters, sort and page in this page's URL).
 */
export default function ProjectPage() {
  const { project: name = '' } = useParams();
  useDocumentTitle(`${name} - Spark Console`);
  const project = useProject(name);
  return (
    <QueryView query={project} loadingLabel="Loading project…" errorTitle={`Project ${name} not found`}>
      {(p) => <ProjectView project={p} />}
    </QueryView>
  );
}

function ProjectView({ project: p }: { project: ProjectSummary }) {
  const session = useCurrentSession();
  return (
    <div className="space-y-6" data-testid="project-page" data-project={p.name}>
      <header>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          <Link to="/" className="link">
            Projects
          </Link>{' '}
          / <span className="font-mono">{p.name}</span>
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold">{p.name}</h1>
          <RoleBadge project={p} />
        </div>
        {p.description !== '' && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{p.description}</p>}
      </header>

      <div className="grid gap-4 lg:grid-cols-[minmax(16rem,22rem)_1fr]">
        <div className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <ProjectFacts project={p} />
          <JobCountsLine project={p.name} counts={p.last24h} label="Last 24 hours" testId="counts-24h" />
          <JobCountsLine project={p.name} counts={p.last7d} label="Last 7 days" testId="counts-7d" />
          <div>
            <div className="text-xs text-slate-500 dark:text-slate-400">Latest failure</div>
            <LatestFailure failure={p.latestFailure} />
          </div>
          {!p.canReadLogs && (
            <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950/40 dark:text-amber-200" data-testid="no-logs-note">
              Your role ({myProjectRole(p, session?.user.name) ?? 'none'}) can see this project's applications but not read their logs.
            </p>
          )}
        </div>
        <section aria-labelledby="usage-heading" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="usage-heading" className="text-base font-semibold">
              Compute per day
            </h2>
            <span className="text-sm text-slate-600 dark:text-slate-400">
              <span className="font-semibold text-slate-900 dark:text-slate-100" data-testid="cu-hours-7d">
                {formatCuHours(p.cuHours7d)}
              </span>{' '}
              in the last 7 days · CU-hours per UTC day, last 14 days
            </span>
          </div>
          <Suspense fallback={<div className="h-[220px]" />}>
            <UsageChart days={p.usage} variant="bars" height={220} />
          </Suspense>
        </section>
      </div>

      <ProjectJobsTable project={p.name} />

      <Members project={p} />

      <section aria-labelledby="jobs-heading">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="jobs-heading" className="text-base font-semibold">
            Applications
          </h2>
          <Link to={projectAppsPath(p.name)} className="link text-sm">
            Open in the application list →
          </Link>
        </div>
        <ApplicationList project={p.name} />
      </section>
    </div>
  );
}

const col = createColumnHelper<ProjectMember>();

function Members({ project: p }: { project: ProjectSummary }) {
  const session = useCurrentSession();
  const setMember = useSetMember(p.name);
  const removeMember = useRemoveMember(p.name);
  // Only an owner (or a console administrator) makes or unmakes owners; the server checks it too.
  const mayTouchOwners = session?.user.admin === true || p.myRole === 'owner';
  const roleChoices = (current?: ProjectRole) => PROJECT_ROLES.filter((r) => r !== 'owner' || mayTouchOwners || current === 'owner');
  const columns = [
    col.accessor('displayName', {
      header: 'Member',
      cell: (c) => (
        <span className="flex items-center gap-2">
          <Initials name={c.getValue()} />
          <span>
            {c.getValue()} <span className="text-xs text-slate-500 dark:text-slate-400">{c.row.original.user}</span>
          </span>
        </span>
      ),
    }),
    col.accessor('role', {
      header: 'Role',
      cell: (c) => {
        const m = c.row.original;
        if (!p.canManage || (m.role === 'owner' && !mayTouchOwners)) return <span data-testid="member-role">{m.role}</span>;
        return (
          <select
            className="input"
            aria-label={`Role of ${m.displayName}`}
            value={m.role}
            disabled={setMember.isPending}
            onChange={(e) => setMember.mutate({ user: m.user, role: e.target.value as ProjectRole })}
          >
            {roleChoices(m.role).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        );
      },
    }),
    ...(p.canManage
      ? [
          col.display({
            id: 'remove',
            header: '',
            cell: (c) =>
              c.row.original.role === 'owner' && !mayTouchOwners ? null : (
                <button
                  type="button"
                  className="btn"
                  disabled={removeMember.isPending}
                  onClick={() => removeMember.mutate(c.row.original.user)}
                  aria-label={`Remove ${c.row.original.displayName} from ${p.name}`}
                >
                  Remove
                </button>
              ),
          }),
        ]
      : []),
  ];
  return (
    <section aria-labelledby="members-heading" className="max-w-3xl">
      <h2 id="members-heading" className="mb-2 text-base font-semibold">
        Members <span className="text-sm font-normal text-slate-500">({p.members.length})</span>
      </h2>
      <DataTable
        label="Members"
        testId="members-table"
        data={p.members}
        columns={columns}
        getRowId={(m) => m.user}
        rowAttributes={(m) => ({ 'data-member': m.user })}
        empty={<EmptyState title="No members" />}
      />
      <MutationError error={setMember.error ?? removeMember.error} testId="member-error" />
      {p.canManage && <AddMember project={p} roleChoices={roleChoices()} />}
    </section>
  );
}

function AddMember({ project: p, roleChoices }: { project: ProjectSummary; roleChoices: readonly ProjectRole[] }) {
  const directory = useUserDirectory();
  const setMember = useSetMember(p.name);
  const [user, setUser] = useState('');
  const [role, setRole] = useState<ProjectRole>('viewer');
  const members = new Set(p.members.map((m) => m.user));
  const candidates = (directory.data?.users ?? []).filter((u) => !members.has(u.name)).sort((a, b) => a.displayName.localeCompare(b.displayName));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (user === '') return;
    setMember.mutate({ user, role }, { onSuccess: () => setUser('') });
  };
  return (
    <form onSubmit={onSubmit} className="mt-3 flex flex-wrap items-end gap-3 rounded border border-slate-200 p-3 dark:border-slate-800" aria-label="Add a member" data-testid="add-member">
      <div>
        <label htmlFor="add-member-user" className="mb-1 block text-sm font-medium">
          User
        </label>
        <select id="add-member-user" className="input w-64" value={user} onChange={(e) => setUser(e.target.value)} required>
          <option value="">{directory.isLoading ? 'Loading users…' : candidates.length === 0 ? 'Everyone is a member' : 'Choose a user…'}</option>
          {candidates.map((u) => (
            <option key={u.name} value={u.name}>
              {u.displayName} ({u.name})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="add-member-role" className="mb-1 block text-sm font-medium">
          Role
        </label>
        <select id="add-member-role" className="input" value={role} onChange={(e) => setRole(e.target.value as ProjectRole)}>
          {roleChoices.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn btn-primary" disabled={user === '' || setMember.isPending}>
        Add member
      </button>
      <MutationError error={setMember.error} />
    </form>
  );
}
