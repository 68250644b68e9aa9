import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { AdminTokensQueryInput, TokenInfo } from '../../../api/index.js';
import { useAdminTokens, useRevokeToken, useUserDirectory } from '../../api/accessQueries.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { LoadingState } from '../../components/LoadingState.js';
import { MutationError } from '../../components/MutationError.js';
import { Pager } from '../../components/Pager.js';
import { DateTime } from '../../components/timeZone/DateTime.js';
import { tokenState } from '../../lib/tokenState.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { useUrlInt, useUrlParam } from '../../lib/urlState.js';

const DEFAULT_PAGE_SIZE = 50;

const col = createColumnHelper<TokenInfo>();

/**
 * `/admin/tokens` (console administrators): every user's personal API tokens, newest first, paged on the
 * server; the user filter and the page are in the URL. Any live token can be revoked here (audited as when
 * its owner does it). Secrets are never shown: the server keeps only their hashes.
 */
export default function TokensAdminPage() {
  useDocumentTitle('API tokens of all users - Spark Console');
  const [user, setUser] = useUrlParam('user');
  const [page, setPage] = useUrlInt('page', 1);
  const [pageSize, setPageSize] = useUrlInt('pageSize', DEFAULT_PAGE_SIZE);
  const users = useUserDirectory();
  const revoke = useRevokeToken();

  const pageIndex = Math.max(0, page - 1);
  const limit = Math.min(Math.max(pageSize, 1), 1000);
  const params: AdminTokensQueryInput = { user: user || undefined, offset: pageIndex * limit, limit };
  const tokens = useAdminTokens(params);
  const now = Date.now();

  const columns = [
    col.accessor('user', {
      header: 'User',
      enableSorting: false,
      cell: (c) => (
        <Link to={`/admin/audit?user=${encodeURIComponent(c.getValue())}`} className="link" title={`Audit log of ${c.getValue()}`}>
          {c.getValue()}
        </Link>
      ),
    }),
    col.accessor('name', { header: 'Name', enableSorting: false, cell: (c) => <span className="font-medium">{c.getValue()}</span> }),
    col.accessor('id', { header: 'Id', enableSorting: false, cell: (c) => <span className="font-mono text-xs">{c.getValue()}</span> }),
    col.accessor('createdAt', { header: 'Created', enableSorting: false, meta: { cellClassName: 'whitespace-nowrap' }, cell: (c) => <DateTime epochMs={c.getValue()} /> }),
    col.accessor('expiresAt', { header: 'Expires', enableSorting: false, meta: { cellClassName: 'whitespace-nowrap' }, cell: (c) => <DateTime epochMs={c.getValue()} /> }),
    col.accessor('lastUsedAt', {
      header: 'Last used',
      enableSorting: false,
      meta: { cellClassName: 'whitespace-nowrap' },
      cell: (c) => (c.getValue() === null ? 'never' : <DateTime epochMs={c.getValue()!} />),
    }),
    col.display({
      id: 'state',
      header: 'State',
      cell: (c) => {
        const t = c.row.original;
        const state = tokenState(t, now);
        return (
          <span className={state === 'active' ? 'text-emerald-700 dark:text-emerald-300' : 'text-slate-500'} data-testid="token-state">
            {state}
            {state === 'revoked' && (
              <>
                {' '}
                <DateTime epochMs={t.revokedAt!} />
              </>
            )}
          </span>
        );
      },
    }),
    col.display({
      id: 'revoke',
      header: '',
      cell: (c) => {
        const t = c.row.original;
        return tokenState(t, now) === 'active' ? (
          <button type="button" className="btn" disabled={revoke.isPending} onClick={() => revoke.mutate(t.id)} aria-label={`Revoke token ${t.name} of ${t.user}`}>
            Revoke
          </button>
        ) : null;
      },
    }),
  ];

  return (
    <div data-testid="tokens-admin-page">
      <h1 className="text-xl font-semibold">API tokens of all users</h1>
      <p className="mb-3 mt-1 text-sm text-slate-600 dark:text-slate-400">
        Every personal token, newest first. Revoking one ends it at once; its owner sees it as revoked. Secrets are never shown: the console keeps only
        their hashes.
      </p>
      <div className="mb-3 flex flex-wrap items-end gap-3" role="search" aria-label="Filter the tokens">
        <div>
          <label htmlFor="tokens-user" className="mb-1 block text-xs text-slate-600 dark:text-slate-400">
            User
          </label>
          <select id="tokens-user" className="input" value={user} onChange={(e) => setUser(e.target.value, { reset: ['page'] })}>
            <option value="">Every user</option>
            {(users.data?.users ?? []).map((u) => (
              <option key={u.name} value={u.name}>
                {u.displayName} ({u.name})
              </option>
            ))}
          </select>
        </div>
      </div>
      <MutationError error={revoke.error} testId="revoke-error" />
      {tokens.data === undefined ? (
        tokens.isError ? (
          <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : (
          <LoadingState label="Loading tokens…" />
        )
      ) : (
        <>
          {tokens.isError && <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />}
          <DataTable
            label="API tokens of all users"
            testId="admin-tokens-table"
            data={tokens.data.tokens}
            columns={columns}
            getRowId={(t) => t.id}
            manualSorting
            stale={tokens.isPlaceholderData}
            rowAttributes={(t) => ({ 'data-token-id': t.id, 'data-token-user': t.user, 'data-token-name': t.name })}
            empty={<EmptyState title="No tokens">{user === '' ? 'Nobody has created a token yet.' : `${user} has no tokens.`}</EmptyState>}
          />
          <Pager
            page={pageIndex}
            pageSize={limit}
            total={tokens.data.total}
            onPageChange={(p) => setPage(p + 1)}
            onPageSizeChange={(s) => setPageSize(s, { reset: ['page'] })}
            label="tokens"
          />
        </>
      )}
    </div>
  );
}
