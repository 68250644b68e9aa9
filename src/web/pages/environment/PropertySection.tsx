import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { CollapsibleSection } from '../../components/CollapsibleSection.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useUrlParam } from '../../lib/urlState.js';
import { useTableUrlState } from '../../lib/useTableUrlState.js';

export interface PropertyRow {
  name: string;
  value: string;
}

const col = createColumnHelper<PropertyRow>();

/**
 * One of the Environment page's collapsible two-column tables, sortable, with a filter box over both columns.
 * Sort and filter text live in the URL under `prefix` (`spark.filter=memory`), so a link can point at "the
 * executor memory settings". A filter in the URL opens the section even if it was folded last time.
 */
export function PropertySection({
  title,
  prefix,
  rows,
  headers = ['Name', 'Value'],
  defaultOpen = true,
  renderValue = (v) => <span className="break-all">{v}</span>,
  renderName = (n) => <span className="break-all">{n}</span>,
  nameClassName = 'w-[32%] min-w-48',
}: {
  title: string;
  prefix: string;
  rows: readonly PropertyRow[];
  headers?: readonly [string, string];
  defaultOpen?: boolean;
  renderValue?: (value: string) => ReactNode;
  renderName?: (name: string) => ReactNode;
  /** Width of the first column (narrow for ids). */
  nameClassName?: string;
}) {
  const table = useTableUrlState(prefix);
  const [filter, setFilter] = useUrlParam(`${prefix}.filter`);
  const columns = useMemo(
    () => [
      col.accessor('name', { header: headers[0], meta: { cellClassName: nameClassName }, cell: (c) => renderName(c.getValue()) }),
      col.accessor('value', { header: headers[1], cell: (c) => renderValue(c.getValue()) }),
    ],
    [headers, renderName, renderValue, nameClassName],
  );
  const needle = filter.trim().toLowerCase();
  const shown = useMemo(
    () => (needle === '' ? rows : rows.filter((r) => r.name.toLowerCase().includes(needle) || r.value.toLowerCase().includes(needle))),
    [rows, needle],
  );
  const open = needle !== '' || defaultOpen;

  return (
    <CollapsibleSection
      title={
        <>
          {title}{' '}
          <span className="text-sm font-normal text-slate-500 dark:text-slate-400" data-testid="section-count">
            ({needle === '' ? rows.length : `${shown.length} of ${rows.length}`})
          </span>
        </>
      }
      id={prefix}
      defaultOpen={open}
      storageKey={needle === '' ? `environment-${prefix}` : undefined}
      actions={
        <input
          type="search"
          className="input w-64"
          placeholder={`Filter ${title.toLowerCase()}`}
          aria-label={`Filter ${title}`}
          value={filter}
          onChange={(e) => setFilter(e.target.value, { replace: true })}
        />
      }
    >
      <DataTable
        label={title}
        testId={`env-${prefix}`}
        data={shown}
        columns={columns}
        getRowId={(r, i) => `${r.name}\u0000${i}`}
        sorting={table.sorting}
        onSortingChange={table.setSorting}
        empty={<EmptyState title={rows.length === 0 ? `No ${title}` : `Nothing matches “${filter}”`} />}
      />
    </CollapsibleSection>
  );
}
