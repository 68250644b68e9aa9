import { useMemo } from 'react';
import type { AppRef, StageData } from '../../../api/index.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { appPaths } from '../../lib/appPaths.js';
import { useTableUrlState } from '../../lib/useTableUrlState.js';
import { stageColumns } from './stageColumns.js';
import { stageKey } from './stageTiming.js';

/** A table of stage attempts (Stages tab and job page); `urlKey` keeps its sort and page in the URL. */
export function StageTable({
  app,
  stages,
  urlKey,
  label,
  now,
  showFailureReason = false,
  showPool = false,
  highlighted,
}: {
  app: AppRef;
  stages: readonly StageData[];
  urlKey: string;
  label: string;
  now: number;
  showFailureReason?: boolean;
  showPool?: boolean;
  highlighted?: string | undefined;
}) {
  const state = useTableUrlState(urlKey, { sort: 'id', desc: true, pageSize: 100 });
  const columns = useMemo(() => stageColumns(app, { now, showPool, showFailureReason }), [app, now, showPool, showFailureReason]);
  return (
    <DataTable
      label={label}
      testId={`${urlKey}-table`}
      data={stages}
      columns={columns}
      getRowId={stageKey}
      sorting={state.sorting}
      onSortingChange={state.setSorting}
      pagination={{ page: state.page, pageSize: state.pageSize, onPageChange: state.setPage, onPageSizeChange: state.setPageSize }}
      rowHref={(s) => appPaths.stage(app, s.stageId, s.attemptId)}
      rowAttributes={(s) => ({
        id: `stage-${stageKey(s)}`,
        'data-stage': stageKey(s),
        className: highlighted === stageKey(s) ? 'row-highlight' : undefined,
      })}
      empty={<EmptyState title={`No ${label.toLowerCase()}`} />}
    />
  );
}
