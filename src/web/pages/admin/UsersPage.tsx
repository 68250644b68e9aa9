import { createColumnHelper } from '@tanstack/react-table';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { UserInfo } from '../../../api/index.js';
import { useAdminUsers, useCreateUser } from '../../api/accessQueries.js';
import { DataTable } from '../../components/DataTable.js';
import { Initials } from '../../components/Initials.js';
import { MutationError } from '../../components/MutationError.js';
import { QueryView } from '../../components/QueryView.js';
import { DateTime } from '../../components/timeZone/DateTime.js';
import { projectPath } from '../../lib/appPaths.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { useTableUrlState } from '../../lib/useTableUrlState.js';

const col = createColumnHelper<UserInfo>();

const columns = [
  col.accessor('displayName', {
    header: 'User',
    cell: (c) => (
      <span className="flex items-center gap-2">
        <Initials name={c.getValue()} />
        <span>
          <span className="font-medium">{c.getValue()}</span> <span className="text-xs text-slate-500 dark:text-slate-400">{c.row.original.name}</span>
        </span>
      </span>
    ),
  }),
  col.accessor((u) => u.email ?? '', { id: 'email', header: 'Email' }),
  col.accessor('admin', { header: 'Console admin', cell: (c) => (c.getValue() ? 'yes' : '') }),
  col.accessor('hasPassword', { header: 'Password', enableSorting: false, cell: (c) => (c.getValue() ? 'set' : 'single sign-on only') }),
  col.accessor((u) => u.projects.length, {
    id: 'projects',
    header: 'Projects and roles',
    cell: (c) =>
      c.row.original.projects.length === 0 ? (
        <span className="text-slate-400">none</span>
      ) : (
        <span className="flex flex-wrap gap-x-3 gap-y-0.5">
          {c.row.original.projects.map((p) => (
            <span key={p.project} className="whitespace-nowrap">
              <Link to={projectPath(p.project)} className="link">
                {p.project}
              </Link>{' '}
              <span className="text-xs text-slate-500 dark:text-slate-400">{p.role}</span>
            </span>
          ))}
        </span>
      ),
  }),
  col.accessor('createdAt', { header: 'Created', meta: { cellClassName: 'whitespace-nowrap' }, cell: (c) => <DateTime epochMs={c.getValue()} /> }),
];

/** `/admin/users` (console administrators): every user with their projects and roles; create a local user. */
export default function UsersPage() {
  useDocumentTitle('Users - Spark Console');
  const users = useAdminUsers();
  const table = useTableUrlState('users', { sort: 'displayName', pageSize: 50 });
  return (
    <div className="space-y-6" data-testid="users-page">
      <h1 className="text-xl font-semibold">Users</h1>
      <CreateUserForm />
      <QueryView query={users} loadingLabel="Loading users…">
        {(list) => (
          <DataTable
            label="Users"
            testId="users-table"
            data={list.users}
            columns={columns}
            getRowId={(u) => u.name}
            rowAttributes={(u) => ({ 'data-user': u.name })}
            sorting={table.sorting}
            onSortingChange={table.setSorting}
            pagination={{ page: table.page, pageSize: table.pageSize, onPageChange: table.setPage, onPageSizeChange: table.setPageSize }}
          />
        )}
      </QueryView>
    </div>
  );
}

function CreateUserForm() {
  const create = useCreateUser();
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [admin, setAdmin] = useState(false);
  const [done, setDone] = useState<string | undefined>(undefined);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone(undefined);
    create.mutate(
      {
        name: name.trim(),
        password,
        admin,
        ...(displayName.trim() === '' ? {} : { displayName: displayName.trim() }),
        ...(email.trim() === '' ? {} : { email: email.trim() }),
      },
      {
        onSuccess: (u) => {
          setDone(u.name);
          setName('');
          setDisplayName('');
          setEmail('');
          setPassword('');
          setAdmin(false);
        },
      },
    );
  };
  const field = 'mb-1 block text-sm font-medium';
  return (
    <form onSubmit={onSubmit} className="rounded border border-slate-200 p-4 dark:border-slate-800" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading" className="mb-3 text-base font-semibold">
        Create a user
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="new-user-name" className={field}>
            User name
          </label>
          <input id="new-user-name" className="input w-44" required pattern="[A-Za-z0-9][A-Za-z0-9._@\-]{0,63}" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </div>
        <div>
          <label htmlFor="new-user-display" className={field}>
            Display name
          </label>
          <input id="new-user-display" className="input w-48" value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoComplete="off" />
        </div>
        <div>
          <label htmlFor="new-user-email" className={field}>
            Email
          </label>
          <input id="new-user-email" type="email" className="input w-56" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
        </div>
        <div>
          <label htmlFor="new-user-password" className={field}>
            Initial password
          </label>
          <input
            id="new-user-password"
            type="password"
            className="input w-44"
            required
            minLength={8}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            aria-describedby="new-user-password-hint"
          />
        </div>
        <label className="flex items-center gap-1.5 pb-0.5 text-sm">
          <input type="checkbox" checked={admin} onChange={(e) => setAdmin(e.target.checked)} />
          Console administrator
        </label>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          Create user
        </button>
      </div>
      <p id="new-user-password-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        At least 8 characters. Add the user to projects on each project's page.
      </p>
      <MutationError error={create.error} />
      {done !== undefined && (
        <p role="status" className="mt-1 text-sm text-emerald-700 dark:text-emerald-300">
          Created {done}.
        </p>
      )}
    </form>
  );
}
