import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import type { ProcessSummary } from '../../../api/index.js';
import { CollapsibleSection } from '../../components/CollapsibleSection.js';
import { DataTable } from '../../components/DataTable.js';
import { LogLinks } from '../../components/LogLinks.js';

const col = createColumnHelper<ProcessSummary>();
// Stable empty sort: see ExecutorSummaryTable (a fresh [] per render makes DataTable re-render forever).
const NO_SORT: SortingState = [];

const columns = [
  col.accessor('id', { header: 'Process ID', enableSorting: false, cell: (c) => <span className="font-mono">{c.getValue()}</span> }),
  col.accessor('hostPort', { header: 'Address', enableSorting: false }),
  col.accessor('isActive', { header: 'Status', enableSorting: false, cell: (c) => (c.getValue() ? 'Active' : 'Dead') }),
  col.accessor('totalCores', { header: 'Cores', enableSorting: false, meta: { align: 'right' } }),
  col.display({ id: 'logs', header: 'Logs', cell: (c) => <LogLinks logs={c.row.original.processLogs} /> }),
];

/** Spark's "Miscellaneous Process" table (e.g. the YARN application master); only drawn when there are any. */
export function MiscProcessTable({ processes }: { processes: readonly ProcessSummary[] }) {
  if (processes.length === 0) return null;
  return (
    <CollapsibleSection title="Miscellaneous Process" id="misc-process" storageKey="executors-misc-process">
      <DataTable
        label="Miscellaneous processes"
        testId="misc-process-table"
        data={processes}
        columns={columns}
        getRowId={(p) => p.id}
        sorting={NO_SORT}
      />
    </CollapsibleSection>
  );
}
