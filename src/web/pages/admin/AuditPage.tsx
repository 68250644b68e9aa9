import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { AUDIT_ACTIONS, type AuditEntry, type AuditQueryInput } from '../../../api/index.js';
import { useAudit, useProjects, useUserDirectory } from '../../api/accessQueries.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { LoadingState } from '../../components/LoadingState.js';
import { Pager } from '../../components/Pager.js';
import { DateTime } from '../../components/timeZone/DateTime.js';
import { useDisplayTimeZone } from '../../components/timeZone/timeZoneContext.js';
import { projectPath } from '../../lib/appPaths.js';
import { endOfDayInZone, startOfDayInZone } from '../../lib/dayInZone.js';
import { useDebouncedValue } from '../../lib/useDebouncedValue.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { useSetUrlParams, useUrlInt, useUrlParam } from '../../lib/urlState.js';

const DEFAULT_PAGE_SIZE = 50;
const RESET_PAGE = { reset: ['page'] } as const;

/** Action names as people read them. */
const ACTION_LABELS: Record<(typeof AUDIT_ACTIONS)[number], string> = {
  signIn: 'signed in',
  signInFailed: 'sign-in failed',
  signOut: 'signed out',
  tokenCreated: 'token created',
  tokenRevoked: 'token revoked',
  userCreated: 'user created',
  passwordChanged: 'password changed',
  passwordReset: 'password set by an admin',
  adminGranted: 'made console admin',
  adminRevoked: 'console admin removed',
  memberSet: 'member set',
  memberRemoved: 'member removed',
  logDownload: 'log download',
  eventLogDownload: 'event-log download',
};

const col = createColumnHelper<AuditEntry>();
const columns = [
  col.accessor('at', { header: 'Time', enableSorting: false, meta: { cellClassName: 'whitespace-nowrap tabular-nums' }, cell: (c) => <DateTime epochMs={c.getValue()} /> }),
  col.accessor('user', { header: 'User', enableSorting: false }),
  col.accessor('action', {
    header: 'Action',
    enableSorting: false,
    cell: (c) => (
      <span className={c.getValue() === 'signInFailed' ? 'text-rose-700 dark:text-rose-300' : undefined} data-action={c.getValue()}>
        {ACTION_LABELS[c.getValue()] ?? c.getValue()}
      </span>
    ),
  }),
  col.accessor('project', {
    header: 'Project',
    enableSorting: false,
    cell: (c) =>
      c.getValue() === null ? (
        ''
      ) : (
        <Link to={projectPath(c.getValue()!)} className="link">
          {c.getValue()}
        </Link>
      ),
  }),
  col.accessor('target', { header: 'Target', enableSorting: false, cell: (c) => <span className="font-mono text-xs">{c.getValue() ?? ''}</span> }),
  col.accessor('detail', { header: 'Detail', enableSorting: false, cell: (c) => c.getValue() ?? '' }),
  col.accessor('address', { header: 'Address', enableSorting: false, cell: (c) => <span className="font-mono text-xs">{c.getValue() ?? ''}</span> }),
];

/**
 * `/admin/audit` (console administrators): the append-only audit log, newest first, paged on the server;
 * filters (user, project, action, day range) and the page are in the URL.
 */
export default function AuditPage() {
  useDocumentTitle('Audit log - Spark Console');
  const [user, setUser] = useUrlParam('user');
  const [project, setProject] = useUrlParam('project');
  const [action, setAction] = useUrlParam('action');
  const [from, setFrom] = useUrlParam('from');
  const [to, setTo] = useUrlParam('to');
  const [page, setPage] = useUrlInt('page', 1);
  const [pageSize, setPageSize] = useUrlInt('pageSize', DEFAULT_PAGE_SIZE);
  const setParams = useSetUrlParams();
  const users = useUserDirectory();
  const projects = useProjects();

  // The user box filters as you type; the URL follows once typing pauses.
  const [draft, setDraft] = useState(user);
  const settled = useDebouncedValue(draft, 300);
  useEffect(() => {
    if (settled !== user) setUser(settled.trim(), { replace: true, reset: ['page'] });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  useEffect(() => setDraft(user), [user]);

  const pageIndex = Math.max(0, page - 1);
  const limit = Math.min(Math.max(pageSize, 1), 1000);
  // Day filters mean days as the reader sees times: in the chosen zone.
  const { zone } = useDisplayTimeZone();
  const params: AuditQueryInput = {
    user: user || undefined,
    project: project || undefined,
    action: action || undefined,
    from: startOfDayInZone(from, zone),
    to: endOfDayInZone(to, zone),
    offset: pageIndex * limit,
    limit,
  };
  const audit = useAudit(params);
  const anyFilter = user !== '' || project !== '' || action !== '' || from !== '' || to !== '';

  return (
    <div data-testid="audit-page">
      <h1 className="mb-3 text-xl font-semibold">Audit log</h1>
      <div className="mb-3 flex flex-wrap items-end gap-3" role="search" aria-label="Filter the audit log">
        <div>
          <label htmlFor="audit-user" className="mb-1 block text-xs text-slate-600 dark:text-slate-400">
            User
          </label>
          <input id="audit-user" className="input w-40" list="audit-user-names" value={draft} onChange={(e) => setDraft(e.target.value)} autoComplete="off" />
          <datalist id="audit-user-names">
            {(users.data?.users ?? []).map((u) => (
              <option key={u.name} value={u.name}>
                {u.displayName}
              </option>
            ))}
          </datalist>
        </div>
        <div>
          <label htmlFor="audit-project" className="mb-1 block text-xs text-slate-600 dark:text-slate-400">
            Project
          </label>
          <select id="audit-project" className="input" value={project} onChange={(e) => setProject(e.target.value, RESET_PAGE)}>
            <option value="">Any project</option>
            {(projects.data?.projects ?? []).map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-action" className="mb-1 block text-xs text-slate-600 dark:text-slate-400">
            Action
          </label>
          <select id="audit-action" className="input" value={action} onChange={(e) => setAction(e.target.value, RESET_PAGE)}>
            <option value="">Any action</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {ACTION_LABELS[a]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="mb-1 block text-xs text-slate-600 dark:text-slate-400">
            From
          </label>
          <input id="audit-from" type="date" className="input" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value, RESET_PAGE)} />
        </div>
        <div>
          <label htmlFor="audit-to" className="mb-1 block text-xs text-slate-600 dark:text-slate-400">
            To
          </label>
          <input id="audit-to" type="date" className="input" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value, RESET_PAGE)} />
        </div>
        {anyFilter && (
          <button
            type="button"
            className="link pb-1 text-sm"
            onClick={() => {
              setDraft('');
              setParams({ user: undefined, project: undefined, action: undefined, from: undefined, to: undefined }, RESET_PAGE);
            }}
          >
            Clear filters
          </button>
        )}
      </div>
      {audit.data === undefined ? (
        audit.isError ? (
          <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <LoadingState label="Loading the audit log…" />
        )
      ) : (
        <>
          {audit.isError && <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />}
          <DataTable
            label="Audit log"
            testId="audit-table"
            data={audit.data.entries}
            columns={columns}
            getRowId={(e) => e.id}
            manualSorting
            stale={audit.isPlaceholderData}
            rowAttributes={(e) => ({ 'data-action': e.action })}
            empty={<EmptyState title="No entries">{anyFilter ? 'No entry matches these filters.' : 'Nothing has been recorded yet.'}</EmptyState>}
          />
          <Pager
            page={pageIndex}
            pageSize={limit}
            total={audit.data.total}
            onPageChange={(p) => setPage(p + 1)}
            onPageSizeChange={(s) => setPageSize(s, { reset: ['page'] })}
            label="entries"
          />
        </>
      )}
    </div>
  );
}
