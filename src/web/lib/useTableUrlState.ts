import type { SortingState } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSetUrlParams } from './urlState.js';

/*
 * Sort and paging state of one table, kept in the URL under a per-table prefix the way Spark's paged tables
 * do (`completedJob.sort=…&completedJob.desc=true&completedJob.page=2&completedJob.pageSize=100`), so several
 * tables on one page keep independent state and every view is a deep link.
 */

export interface TableUrlDefaults {
  sort?: string;
  desc?: boolean;
  pageSize?: number;
}

export interface TableUrlState {
  sorting: SortingState;
  setSorting: (sorting: SortingState) => void;
  /** Zero-based. */
  page: number;
  setPage: (page: number) => void;
  pageSize: number;
  setPageSize: (size: number) => void;
}

export function useTableUrlState(prefix: string, defaults: TableUrlDefaults = {}): TableUrlState {
  const [params] = useSearchParams();
  const set = useSetUrlParams();
  const sortParam = `${prefix}.sort`;
  const descParam = `${prefix}.desc`;
  const pageParam = `${prefix}.page`;
  const sizeParam = `${prefix}.pageSize`;

  const sortId = params.get(sortParam) ?? defaults.sort;
  const descRaw = params.get(descParam);
  const desc = descRaw === null ? (defaults.desc ?? false) : descRaw === 'true';
  const sorting = useMemo<SortingState>(() => (sortId === undefined ? [] : [{ id: sortId, desc }]), [sortId, desc]);

  const pageRaw = Number.parseInt(params.get(pageParam) ?? '1', 10);
  const page = Number.isFinite(pageRaw) && pageRaw >= 1 ? pageRaw - 1 : 0;
  const sizeRaw = Number.parseInt(params.get(sizeParam) ?? '', 10);
  const pageSize = Number.isFinite(sizeRaw) && sizeRaw > 0 ? sizeRaw : (defaults.pageSize ?? 100);

  const setSorting = useCallback(
    (next: SortingState) => {
      const first = next[0];
      // A new order starts at the first page, as Spark's tables do.
      set({ [sortParam]: first?.id, [descParam]: first === undefined ? undefined : String(first.desc) }, { reset: [pageParam] });
    },
    [set, sortParam, descParam, pageParam],
  );
  const setPage = useCallback((p: number) => set({ [pageParam]: p <= 0 ? undefined : String(p + 1) }), [set, pageParam]);
  const setPageSize = useCallback(
    (size: number) => set({ [sizeParam]: size === (defaults.pageSize ?? 100) ? undefined : String(size) }, { reset: [pageParam] }),
    [set, sizeParam, pageParam, defaults.pageSize],
  );
  return { sorting, setSorting, page, setPage, pageSize, setPageSize };
}
