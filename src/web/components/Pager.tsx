import { useState } from 'react';

export const DEFAULT_PAGE_SIZES = [20, 50, 100, 500] as const;

/**
 * Page navigation for client- and server-paged tables: the range shown, first/previous/next/last, a page
 * jump and a page-size selector (Spark's "N Pages. Jump to … Show … items in a page").
 */
export function Pager({
  page,
  pageSize,
  total,
  onPageChange,
  onPageSizeChange,
  pageSizes = DEFAULT_PAGE_SIZES,
  label = 'items',
}: {
  /** Zero-based. */
  page: number;
  pageSize: number;
  /** Total rows; undefined when the server cannot tell (then "next" stays enabled while pages are full). */
  total: number | undefined;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (size: number) => void;
  pageSizes?: readonly number[];
  label?: string;
}) {
  const pages = total === undefined ? undefined : Math.max(1, Math.ceil(total / pageSize));
  const [jump, setJump] = useState('');
  const from = total === 0 ? 0 : page * pageSize + 1;
  const to = total === undefined ? page * pageSize + pageSize : Math.min(total, (page + 1) * pageSize);
  const lastPage = pages === undefined ? undefined : pages - 1;
  const sizes = pageSizes.includes(pageSize) ? pageSizes : [...pageSizes, pageSize].sort((a, b) => a - b);

  return (
    <nav className="flex flex-wrap items-center gap-2 py-2 text-sm" aria-label={`${label} pages`} data-testid="pager">
      <span className="tabular-nums text-slate-600 dark:text-slate-400" data-testid="pager-range">
        {from}–{to}
        {total !== undefined && ` of ${total}`} {label}
      </span>
      <span className="flex items-center gap-1">
        <button type="button" className="btn" disabled={page <= 0} onClick={() => onPageChange(0)} aria-label="First page">
          «
        </button>
        <button type="button" className="btn" disabled={page <= 0} onClick={() => onPageChange(page - 1)} aria-label="Previous page">
          ‹
        </button>
        <span className="px-1 tabular-nums">
          Page {page + 1}
          {pages !== undefined && ` of ${pages}`}
        </span>
        <button
          type="button"
          className="btn"
          disabled={lastPage !== undefined && page >= lastPage}
          onClick={() => onPageChange(page + 1)}
          aria-label="Next page"
        >
          ›
        </button>
        {lastPage !== undefined && (
          <button type="button" className="btn" disabled={page >= lastPage} onClick={() => onPageChange(lastPage)} aria-label="Last page">
            »
          </button>
        )}
      </span>
      {pages !== undefined && pages > 2 && (
        <form
          className="flex items-center gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number.parseInt(jump, 10);
            if (Number.isFinite(n)) onPageChange(Math.min(Math.max(n, 1), pages) - 1);
            setJump('');
          }}
        >
          <label className="text-slate-600 dark:text-slate-400">
            Jump to{' '}
            <input className="input w-16" inputMode="numeric" value={jump} onChange={(e) => setJump(e.target.value)} aria-label="Page number" />
          </label>
          <button type="submit" className="btn">
            Go
          </button>
        </form>
      )}
      {onPageSizeChange !== undefined && (
        <label className="ml-auto flex items-center gap-1 text-slate-600 dark:text-slate-400">
          Show
          <select className="input" value={pageSize} onChange={(e) => onPageSizeChange(Number(e.target.value))} aria-label="Page size">
            {sizes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          per page
        </label>
      )}
    </nav>
  );
}
