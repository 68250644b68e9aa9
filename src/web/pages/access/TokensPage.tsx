import { createColumnHelper } from '@tanstack/react-table';
import { useState, type FormEvent } from 'react';
import type { CreatedToken, TokenInfo } from '../../../api/index.js';
import { useCreateToken, useRevokeToken, useTokens } from '../../api/accessQueries.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { MutationError } from '../../components/MutationError.js';
import { QueryView } from '../../components/QueryView.js';
import { DateTime } from '../../components/timeZone/DateTime.js';
import { tokenState } from '../../lib/tokenState.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';

const col = createColumnHelper<TokenInfo>();

/** `/tokens`: the signed-in user's personal API tokens; a new token's secret is shown once. */
export default function TokensPage() {
  useDocumentTitle('API tokens - Spark Console');
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedToken | undefined>(undefined);
  const now = Date.now();

  const columns = [
    col.accessor('name', { header: 'Name', cell: (c) => <span className="font-medium">{c.getValue()}</span> }),
    col.accessor('id', { header: 'Id', cell: (c) => <span className="font-mono text-xs">{c.getValue()}</span> }),
    col.accessor('createdAt', { header: 'Created', cell: (c) => <DateTime epochMs={c.getValue()} /> }),
    col.accessor('expiresAt', { header: 'Expires', cell: (c) => <DateTime epochMs={c.getValue()} /> }),
    col.accessor('lastUsedAt', { header: 'Last used', cell: (c) => (c.getValue() === null ? 'never' : <DateTime epochMs={c.getValue()} />) }),
    col.display({
      id: 'state',
      header: 'State',
      cell: (c) => {
        const state = tokenState(c.row.original, now);
        return <span className={state === 'active' ? 'text-emerald-700 dark:text-emerald-300' : 'text-slate-500'}>{state}</span>;
      },
    }),
    col.display({
      id: 'revoke',
      header: '',
      cell: (c) =>
        tokenState(c.row.original, now) === 'active' ? (
          <button
            type="button"
            className="btn"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate(c.row.original.id)}
            aria-label={`Revoke token ${c.row.original.name}`}
          >
            Revoke
          </button>
        ) : null,
    }),
  ];

  return (
    <div className="max-w-5xl space-y-6" data-testid="tokens-page">
      <div>
        <h1 className="text-xl font-semibold">API tokens</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Personal tokens for scripts and Spark History Server clients: send <code className="text-xs">Authorization: Bearer &lt;token&gt;</code>. A token
          acts as you, with your projects and roles.
        </p>
      </div>
      <CreateTokenForm onCreated={setCreated} />
      {created !== undefined && <NewTokenSecret created={created} onDismiss={() => setCreated(undefined)} />}
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="mb-2 text-base font-semibold">
          Your tokens
        </h2>
        <MutationError error={revoke.error} />
        <QueryView query={tokens} loadingLabel="Loading tokens…">
          {(list) => (
            <DataTable
              label="API tokens"
              testId="tokens-table"
              data={[...list.tokens].sort((a, b) => b.createdAt - a.createdAt)}
              columns={columns}
              getRowId={(t) => t.id}
              rowAttributes={(t) => ({ 'data-token-name': t.name })}
              empty={<EmptyState title="No tokens yet">Create one above.</EmptyState>}
            />
          )}
        </QueryView>
      </section>
    </div>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (t: CreatedToken) => void }) {
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: name.trim(), expiresInDays: Number(days) },
      {
        onSuccess: (t) => {
          onCreated(t);
          setName('');
        },
      },
    );
  };
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3 rounded border border-slate-200 p-4 dark:border-slate-800" aria-label="Create an API token">
      <div>
        <label htmlFor="token-name" className="mb-1 block text-sm font-medium">
          Name
        </label>
        <input id="token-name" className="input w-64" required maxLength={100} placeholder="e.g. nightly report script" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div>
        <label htmlFor="token-days" className="mb-1 block text-sm font-medium">
          Valid for (days)
        </label>
        <input id="token-days" type="number" className="input w-28" required min={1} max={365} value={days} onChange={(e) => setDays(e.target.value)} />
      </div>
      <button type="submit" className="btn btn-primary" disabled={create.isPending || name.trim() === ''}>
        Create token
      </button>
      <MutationError error={create.error} />
    </form>
  );
}

function NewTokenSecret({ created, onDismiss }: { created: CreatedToken; onDismiss: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="rounded border border-emerald-300 bg-emerald-50 p-4 text-sm dark:border-emerald-800 dark:bg-emerald-950/40" data-testid="new-token">
      <p className="font-semibold">Token “{created.info.name}” created. Copy it now: it is not shown again.</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <input
          readOnly
          aria-label="New token"
          className="input w-[36rem] max-w-full font-mono"
          value={created.token}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="new-token-value"
        />
        <button
          type="button"
          className="btn"
          onClick={() => {
            void navigator.clipboard
              ?.writeText(created.token)
              .then(() => setCopied(true))
              .catch(() => setCopied(false));
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="btn-ghost" onClick={onDismiss}>
          Done
        </button>
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Expires <DateTime epochMs={created.info.expiresAt} />.</p>
    </div>
  );
}
