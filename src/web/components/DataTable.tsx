import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type RowData,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type HTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { cx } from '../lib/classNames.js';
import { EmptyState } from './EmptyState.js';
import { Pager } from './Pager.js';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Numbers and durations are right-aligned. */
    align?: 'left' | 'right';
    /** Header tooltip (Spark explains several columns this way). */
    headerTitle?: string;
    /** Extra classes for the column's cells. */
    cellClassName?: string;
  }
}

/*
 * The one table of the console (react-table + react-virtual), contract:
 * - `columns` are react-table ColumnDefs; set `enableSorting: false` on columns Spark does not sort, and
 *   `meta.align/headerTitle/cellClassName` for presentation.
 * - Sorting is controlled: pass `sorting` + `onSortingChange` (usually from useTableUrlState, so it is in the
 *   URL). With `manualSorting` the rows are assumed already ordered (server-side sorting).
 * - `pagination` pages the (sorted) rows on the client; for server paging render a <Pager> yourself.
 * - `virtualize` renders only the visible rows inside a scroll box (for thousands of rows).
 * - `rowHref` makes a whole row open a page with Enter or a click (links inside cells still work).
 * - `rowAttributes` adds ids/data attributes (e.g. `id="job-3"`, highlight) to a row.
 */
export interface DataTableProps<T> {
  data: readonly T[];
  // react-table's own ColumnDef variance needs `any` for mixed value types across columns.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  /** Accessible name of the table. */
  label: string;
  getRowId?: (row: T, index: number) => string;
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  manualSorting?: boolean;
  pagination?: {
    page: number;
    pageSize: number;
    onPageChange: (page: number) => void;
    onPageSizeChange?: (size: number) => void;
  };
  /** `maxHeight` may be a CSS length such as `calc(100vh - 2rem)`: a box no taller than the window scrolls
   *  its rows under a sticky header without a second vertical scrollbar hiding half of it. */
  virtualize?: { maxHeight: number | string; rowHeight: number };
  rowHref?: (row: T) => string | undefined;
  rowAttributes?: (row: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;
  empty?: ReactNode;
  testId?: string;
  /** Dims the rows while a new (server) page loads, keeping the old one visible. */
  stale?: boolean;
  /** Keep cells on one line (wide tables scroll sideways instead of growing tall rows). */
  nowrap?: boolean;
}

/**
 * One shared empty sorting state: a fresh `[]` per render would look like a sorting change to react-table,
 * which then resets its page state, re-renders, and loops (swallowing URL navigations meanwhile).
 */
const NO_SORTING: SortingState = [];

export function DataTable<T>(props: DataTableProps<T>) {
  const { data, columns, sorting, onSortingChange, manualSorting = false } = props;
  const navigate = useNavigate();
  const table = useReactTable<T>({
    data: data as T[],
    columns,
    state: { sorting: sorting ?? NO_SORTING },
    // Paging is ours (props.pagination), so react-table's own page index must never reset itself.
    autoResetPageIndex: false,
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting ?? NO_SORTING) : updater;
      onSortingChange?.(next);
    },
    enableSorting: onSortingChange !== undefined,
    enableSortingRemoval: false,
    manualSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    ...(props.getRowId !== undefined ? { getRowId: props.getRowId } : {}),
  });

  const sortedRows = table.getRowModel().rows;
  const pg = props.pagination;
  const rows = pg === undefined ? sortedRows : sortedRows.slice(pg.page * pg.pageSize, (pg.page + 1) * pg.pageSize);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = props.virtualize;
  const virtualizer = useVirtualizer({
    count: virtual === undefined ? 0 : rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => virtual?.rowHeight ?? 28,
    overscan: 12,
  });

  function openRow(row: Row<T>, e: KeyboardEvent<HTMLTableRowElement>) {
    if (e.key !== 'Enter' || e.target !== e.currentTarget) return;
    const href = props.rowHref?.(row.original);
    if (href !== undefined) void navigate(href);
  }

  function renderRow(row: Row<T>, virtualIndex?: number) {
    const href = props.rowHref?.(row.original);
    const attrs = props.rowAttributes?.(row.original) ?? {};
    return (
      <tr
        key={row.id}
        {...attrs}
        // Virtual rows are measured, so rows that grow (an expanded error) keep the scroll math right.
        ref={virtualIndex !== undefined ? virtualizer.measureElement : undefined}
        data-index={virtualIndex}
        tabIndex={href !== undefined ? 0 : undefined}
        onKeyDown={href !== undefined ? (e) => openRow(row, e) : undefined}
        className={cx('data-row border-t border-slate-200 dark:border-slate-700', href !== undefined && 'cursor-pointer', attrs.className)}
        onClick={
          href !== undefined
            ? (e) => {
                // Clicks on links, buttons and text selections inside the row keep their own meaning.
                if ((e.target as HTMLElement).closest('a,button,input,select,pre') !== null) return;
                if (window.getSelection()?.toString()) return;
                void navigate(href);
              }
            : undefined
        }
      >
        {row.getVisibleCells().map((cell) => (
          <td
            key={cell.id}
            className={cx(
              'px-1.5 py-1 align-top',
              props.nowrap === true && 'whitespace-nowrap',
              cell.column.columnDef.meta?.align === 'right' && 'text-right tabular-nums',
              cell.column.columnDef.meta?.cellClassName,
            )}
          >
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        ))}
      </tr>
    );
  }

  const head = (
    <thead className="sticky top-0 z-10 bg-slate-100 text-left text-[11px] uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            const canSort = header.column.getCanSort();
            const meta = header.column.columnDef.meta;
            const content = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
            return (
              <th
                key={header.id}
                scope="col"
                title={meta?.headerTitle}
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : canSort ? 'none' : undefined}
                // Narrow cells (11 px capitals in headers, 6 px sides): in wide tables the longest header word, not the
                // values, sets most columns' widths (the Executors table fits 1280 px this way).
                className={cx('px-1.5 py-1.5 font-semibold', meta?.align === 'right' && 'text-right')}
              >
                {canSort ? (
                  <button
                    type="button"
                    className={cx('sort-button inline-flex cursor-pointer items-center gap-1 rounded uppercase decoration-dotted hover:underline', meta?.align === 'right' && 'flex-row-reverse')}
                    onClick={header.column.getToggleSortingHandler()}
                  >
                    {content}
                    {/* Only the sorted column carries an arrow, as in Spark's tables: a faint arrow on every
                        sortable header cost the task table its fit at 1280 px. */}
                    {sorted !== false && (
                      <span aria-hidden="true" className="text-[10px]">
                        {sorted === 'asc' ? '▴' : '▾'}
                      </span>
                    )}
                  </button>
                ) : (
                  content
                )}
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );

  const tableClasses = cx('w-full border-collapse text-sm', props.stale === true && 'opacity-60 transition-opacity');

  let body: ReactNode;
  if (virtual !== undefined) {
    const items = virtualizer.getVirtualItems();
    const before = items[0]?.start ?? 0;
    const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
    body = (
      <tbody>
        {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
        {items.map((item) => renderRow(rows[item.index]!, item.index))}
        {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
      </tbody>
    );
  } else {
    body = <tbody>{rows.map((row) => renderRow(row))}</tbody>;
  }

  if (data.length === 0) {
    return (
      <div data-testid={props.testId}>
        {props.empty ?? <EmptyState title="Nothing to show" />}
      </div>
    );
  }

  return (
    <div data-testid={props.testId}>
      <div
        ref={scrollRef}
        className="overflow-auto rounded border border-slate-200 dark:border-slate-700"
        style={virtual !== undefined ? { maxHeight: virtual.maxHeight } : undefined}
      >
        <table className={tableClasses} aria-label={props.label} aria-rowcount={sortedRows.length + 1}>
          {head}
          {body}
        </table>
      </div>
      {pg !== undefined && sortedRows.length > Math.min(pg.pageSize, 20) && (
        <Pager
          page={pg.page}
          pageSize={pg.pageSize}
          total={sortedRows.length}
          onPageChange={pg.onPageChange}
          {...(pg.onPageSizeChange !== undefined ? { onPageSizeChange: pg.onPageSizeChange } : {})}
        />
      )}
    </div>
  );
}
