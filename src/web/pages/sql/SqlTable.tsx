import { useMemo } from 'react';
import type { AppRef, ExecutionData } from '../../../api/index.js';
import { CollapsibleSection } from '../../components/CollapsibleSection.js';
import { DataTable } from '../../components/DataTable.js';
import { appPaths } from '../../lib/appPaths.js';
import { useTableUrlState } from '../../lib/useTableUrlState.js';
import { sqlListColumns, type SqlGroup } from './sqlListColumns.js';

const TITLES: Record<SqlGroup, string> = { running: 'Running Queries', completed: 'Completed Queries', failed: 'Failed Queries' };

/** One of the SQL tab's three tables; its sort lives in the URL under the group's name, like Spark's tags. */
export function SqlTable({
  app,
  group,
  executions,
  errorOf = () => undefined,
}: {
  app: AppRef;
  group: SqlGroup;
  executions: readonly ExecutionData[];
  errorOf?: (e: ExecutionData) => string | undefined;
}) {
  const table = useTableUrlState(group, { sort: 'id', desc: true });
  const columns = useMemo(() => sqlListColumns(app, group, errorOf), [app, group, errorOf]);
  if (executions.length === 0) return null;
  return (
    <CollapsibleSection title={`${TITLES[group]} (${executions.length})`} id={`${group}-queries`} storageKey={`sql-${group}`}>
      <DataTable
        label={TITLES[group]}
        testId={`${group}-sql-table`}
        data={executions}
        columns={columns}
        getRowId={(e) => String(e.id)}
        sorting={table.sorting}
        onSortingChange={table.setSorting}
        rowHref={(e) => appPaths.sqlExecution(app, e.id)}
        rowAttributes={(e) => ({ id: `sql-${e.id}`, 'data-status': e.status.toLowerCase() })}
      />
    </CollapsibleSection>
  );
}
