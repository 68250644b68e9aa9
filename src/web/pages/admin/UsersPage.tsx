import { createColumnHelper } from '@tanstack/react-table';
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link } from 'react-router';
import type { UserInfo } from '../../../api/index.js';
import { useAdminUsers, useCreateUser, useSetUserAdmin, useSetUserPassword } from '../../api/accessQueries.js';
import { useCurrentSession } from '../../api/sessionContext.js';
import { DataTable } from '../../components/DataTable.js';
import { Initials } from '../../components/Initials.js';
import { MutationError } from '../../components/MutationError.js';
import { QueryView } from '../../components/QueryView.js';
import { DateTime } from '../../components/timeZone/DateTime.js';
import { projectPath } from '../../lib/appPaths.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { useTableUrlState } from '../../lib/useTableUrlState.js';

const col = createColumnHelper<UserInfo>();

/** Why a user's console-admin box cannot be cleared here, or undefined when it can (the server checks too). */
function adminLockReason(u: UserInfo, me: string | undefined, adminCount: number): string | undefined {
  if (!u.admin) return undefined;
  if (adminCount <= 1) return 'The only console administrator: make someone else one first';
  if (u.name === me) return 'Another administrator must remove your flag';
  return undefined;
}

/**
 * `/admin/users` (console administrators): every user with their projects and roles; create a local user,
 * grant or remove the console-admin flag, set a password.
 */
export default function UsersPage() {
  useDocumentTitle('Users - Spark Console');
  const users = useAdminUsers();
  const session = useCurrentSession();
  const setAdmin = useSetUserAdmin();
  const table = useTableUrlState('users', { sort: 'displayName', pageSize: 50 });
  // The user the password form is for; a row's "Set password" button picks it.
  const [passwordFor, setPasswordFor] = useState('');
  const passwordInput = useRef<HTMLInputElement>(null);
  const adminCount = users.data?.users.filter((u) => u.admin).length ?? 0;

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
    col.accessor('admin', {
      header: 'Console admin',
      cell: (c) => {
        const u = c.row.original;
        const locked = adminLockReason(u, session?.user.name, adminCount);
        return (
          <label className="flex items-center gap-1.5" title={locked}>
            <input
              type="checkbox"
              checked={u.admin}
              disabled={locked !== undefined || setAdmin.isPending}
              onChange={(e) => setAdmin.mutate({ user: u.name, admin: e.target.checked })}
              aria-label={`Console administrator: ${u.name}`}
            />
            <span className="text-xs text-slate-500 dark:text-slate-400">{u.admin ? 'yes' : 'no'}</span>
          </label>
        );
      },
    }),
    col.accessor('hasPassword', {
      header: 'Password',
      enableSorting: false,
      cell: (c) => (
        <span className="flex items-center gap-2 whitespace-nowrap">
          {c.getValue() ? 'set' : 'single sign-on only'}
          <button
            type="button"
            className="link text-xs"
            onClick={() => {
              setPasswordFor(c.row.original.name);
              passwordInput.current?.focus();
            }}
            aria-label={`Set the password of ${c.row.original.name}`}
          >
            Set…
          </button>
        </span>
      ),
    }),
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

  return (
    <div className="space-y-6" data-testid="users-page">
      <h1 className="text-xl font-semibold">Users</h1>
      <div className="flex flex-wrap items-start gap-4">
        <CreateUserForm />
        <SetPasswordForm users={users.data?.users ?? []} user={passwordFor} onUserChange={setPasswordFor} inputRef={passwordInput} />
      </div>
      <MutationError error={setAdmin.error} testId="admin-flag-error" />
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

/** Sets a user's password, as `spark-console users passwd` does; the server ends that user's other sessions. */
function SetPasswordForm({
  users,
  user,
  onUserChange,
  inputRef,
}: {
  users: readonly UserInfo[];
  user: string;
  onUserChange: (user: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const setPassword = useSetUserPassword();
  const [password, setPasswordText] = useState('');
  const [done, setDone] = useState<string | undefined>(undefined);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone(undefined);
    setPassword.mutate(
      { user, password },
      {
        onSuccess: () => {
          setDone(user);
          setPasswordText('');
        },
      },
    );
  };
  const field = 'mb-1 block text-sm font-medium';
  return (
    <form onSubmit={onSubmit} className="rounded border border-slate-200 p-4 dark:border-slate-800" aria-labelledby="set-password-heading" data-testid="set-password">
      <h2 id="set-password-heading" className="mb-3 text-base font-semibold">
        Set a password
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="set-password-user" className={field}>
            User
          </label>
          <select id="set-password-user" className="input w-48" required value={user} onChange={(e) => onUserChange(e.target.value)}>
            <option value="">Choose a user…</option>
            {users.map((u) => (
              <option key={u.name} value={u.name}>
                {u.displayName} ({u.name})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="set-password-value" className={field}>
            New password
          </label>
          <input
            id="set-password-value"
            ref={inputRef}
            type="password"
            className="input w-44"
            required
            minLength={8}
            value={password}
            onChange={(e) => setPasswordText(e.target.value)}
            autoComplete="new-password"
            aria-describedby="set-password-hint"
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={setPassword.isPending || user === ''}>
          Set password
        </button>
      </div>
      <p id="set-password-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        At least 8 characters. The user's other sessions end; tokens keep working.
      </p>
      <MutationError error={setPassword.error} />
      {done !== undefined && (
        <p role="status" className="mt-1 text-sm text-emerald-700 dark:text-emerald-300" data-testid="set-password-done">
          Set the password of {done}.
        </p>
      )}
    </form>
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
