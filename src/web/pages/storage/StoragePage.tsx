import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { bytesToString, type AppRef, type RDDStorageInfo } from '../../../api/index.js';
import { useEnvironment } from '../../api/environmentQueries.js';
import { useRdds } from '../../api/storageQueries.js';
import { useAppRef } from '../../api/useAppRef.js';
import { CollapsibleSection } from '../../components/CollapsibleSection.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { QueryView } from '../../components/QueryView.js';
import { appPaths } from '../../lib/appPaths.js';
import { useTableUrlState } from '../../lib/useTableUrlState.js';
import { fractionCached, fractionCachedText } from './fractionCached.js';

const col = createColumnHelper<RDDStorageInfo>();

function rddColumns(app: AppRef) {
  return [
    col.accessor('id', { header: 'ID', meta: { align: 'right', headerTitle: 'ID of the RDD' } }),
    col.accessor('name', {
      header: 'RDD Name',
      meta: { headerTitle: 'Name of the RDD' },
      cell: (c) => (
        <Link to={appPaths.rdd(app, c.row.original.id)} className="link break-all">
          {c.getValue()}
        </Link>
      ),
    }),
    col.accessor('storageLevel', {
      header: 'Storage Level',
      meta: {
        headerTitle:
          'StorageLevel displays where the persisted RDD is stored, format of the persisted RDD (serialized or de-serialized) and replication factor of the persisted RDD',
      },
    }),
    col.accessor('numCachedPartitions', { header: 'Cached Partitions', meta: { align: 'right', headerTitle: 'Number of partitions cached' } }),
    col.accessor(fractionCached, {
      id: 'fractionCached',
      header: 'Fraction Cached',
      meta: { align: 'right', headerTitle: 'Fraction of total partitions cached' },
      cell: (c) => fractionCachedText(c.row.original),
    }),
    col.accessor('memoryUsed', {
      header: 'Size in Memory',
      meta: { align: 'right', cellClassName: 'whitespace-nowrap', headerTitle: 'Total size of partitions in memory' },
      cell: (c) => bytesToString(c.getValue()),
    }),
    col.accessor('diskUsed', {
      header: 'Size on Disk',
      meta: { align: 'right', cellClassName: 'whitespace-nowrap', headerTitle: 'Total size of partitions on disk' },
      cell: (c) => bytesToString(c.getValue()),
    }),
  ];
}

const BLOCK_UPDATES_PROPERTY = 'spark.eventLog.logBlockUpdates.enabled';

/** Whether the application wrote block updates into its event log (off by default in Spark). */
function logsBlockUpdates(sparkProperties: readonly (readonly [string, string])[]): boolean {
  return sparkProperties.some(([key, value]) => key === BLOCK_UPDATES_PROPERTY && value.trim().toLowerCase() === 'true');
}

/**
 * Why the tab is empty. A History Server learns what is cached only from block updates, which Spark writes to
 * the event log only when asked to; without them an application that did cache looks like one that did not.
 */
function NoCachedRdds({ blockUpdatesLogged }: { blockUpdatesLogged: boolean | undefined }) {
  if (blockUpdatesLogged === false) {
    return (
      <EmptyState title="No RDDs are cached">
        <span data-testid="no-block-updates">
          This application's event log holds no block updates, so cached RDDs cannot be shown even if it cached some. Spark writes them
          only when the application runs with <code className="font-mono">{BLOCK_UPDATES_PROPERTY}=true</code>.
        </span>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No RDDs are cached">
      {blockUpdatesLogged === true
        ? 'No RDD or DataFrame held cached blocks when the application ended (or the last update was read): nothing was persisted, or it was unpersisted.'
        : 'Cached or persisted RDDs and DataFrames show up here while they hold blocks in memory or on disk.'}
    </EmptyState>
  );
}

/** Spark's Storage tab: the cached RDDs, each linking to its detail page. */
export default function StoragePage() {
  const app = useAppRef();
  const rdds = useRdds(app);
  const environment = useEnvironment(app);
  const blockUpdatesLogged = environment.data === undefined ? undefined : logsBlockUpdates(environment.data.sparkProperties);
  const table = useTableUrlState('storage', { sort: 'id' });
  const columns = useMemo(() => rddColumns(app), [app]);
  return (
    <div data-testid="storage-page">
      <h2 className="sr-only">Storage</h2>
      <QueryView query={rdds} loadingLabel="Loading cached RDDs…">
        {(list) =>
          list.length === 0 ? (
            <NoCachedRdds blockUpdatesLogged={blockUpdatesLogged} />
          ) : (
            <CollapsibleSection title={`RDDs (${list.length})`} id="rdds" storageKey="storage-rdds">
              <DataTable
                label="Cached RDDs"
                testId="rdd-table"
                data={list}
                columns={columns}
                getRowId={(r) => String(r.id)}
                sorting={table.sorting}
                onSortingChange={table.setSorting}
                rowHref={(r) => appPaths.rdd(app, r.id)}
                rowAttributes={(r) => ({ id: `rdd-${r.id}` })}
              />
            </CollapsibleSection>
          )
        }
      </QueryView>
    </div>
  );
}
