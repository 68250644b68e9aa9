import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { AppListItem } from '../../../api/index.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { appPaths } from '../../lib/appPaths.js';
import { formatDate } from '../../lib/formatDate.js';
import { formatDuration } from '../../lib/formatDuration.js';

const col = createColumnHelper<AppListItem>();

export function appHref(item: AppListItem): string {
  return appPaths.jobs({ appId: item.id, attemptId: item.attemptId });
}

/** Column ids that the server can sort by are its sort keys (`id`, `name`, `sparkUser`, `startTime`, `duration`). */
export const appListColumns = [
  col.accessor('id', {
    header: 'App ID',
    cell: (c) => (
      <span className="inline-flex items-center gap-1">
        <Link to={appHref(c.row.original)} className="link font-mono text-xs">
          {c.getValue()}
        </Link>
        {c.row.original.error !== undefined && (
          <span className="text-amber-600" title={`Log could not be fully read: ${c.row.original.error}`} aria-label="log read error">
            ⚠
          </span>
        )}
      </span>
    ),
  }),
  col.accessor('name', { header: 'App Name', cell: (c) => <span className="break-words">{c.getValue()}</span> }),
  col.accessor('sparkUser', { header: 'Spark User' }),
  col.accessor('sparkVersion', { header: 'Version', enableSorting: false }),
  col.accessor('status', {
    header: 'Status',
    enableSorting: false,
    cell: (c) =>
      c.getValue() === 'unknown' ? (
        <span title="Ended without an application end event (the driver probably died): not running, outcome unknown. Duration up to its last event.">
          <StatusBadge status="unknown" />
        </span>
      ) : (
        <StatusBadge status={c.getValue()} />
      ),
  }),
  col.accessor('startTime', { header: 'Started', cell: (c) => <span className="whitespace-nowrap">{formatDate(c.getValue())}</span> }),
  col.accessor('duration', {
    header: 'Duration',
    meta: { align: 'right' },
    cell: (c) => (c.row.original.status === 'running' ? <span title="still running">{formatDuration(c.getValue())}…</span> : formatDuration(c.getValue())),
  }),
  col.accessor('attempts', { header: 'Attempts', enableSorting: false, meta: { align: 'right' } }),
  col.accessor('project', { header: 'Project', enableSorting: false, cell: (c) => c.getValue() || <span className="text-slate-400">—</span> }),
];
