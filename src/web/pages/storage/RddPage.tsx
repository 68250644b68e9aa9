import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { bytesToString, type AppRef, type RDDDataDistribution, type RDDPartitionInfo, type RDDStorageInfo } from '../../../api/index.js';
import { useActiveExecutors } from '../../api/executorQueries.js';
import { useRdd } from '../../api/storageQueries.js';
import { useAppRef } from '../../api/useAppRef.js';
import { CollapsibleSection } from '../../components/CollapsibleSection.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { NotFound } from '../../components/NotFound.js';
import { QueryView } from '../../components/QueryView.js';
import { SummaryList } from '../../components/SummaryList.js';
import { appPaths } from '../../lib/appPaths.js';
import { useTableUrlState } from '../../lib/useTableUrlState.js';

const dist = createColumnHelper<RDDDataDistribution>();
// Stable fallbacks: a new [] per render would make DataTable's react-table reset itself on every render.
const NO_DISTRIBUTION: RDDDataDistribution[] = [];
const NO_PARTITIONS: RDDPartitionInfo[] = [];
const part = createColumnHelper<RDDPartitionInfo>();

/** "X (Y Remaining)", Spark's per-executor memory cell; old logs lack the on/off-heap split and read as 0. */
function usage(used: number | undefined, remaining: number | undefined): string {
  return `${bytesToString(used ?? 0)} (${bytesToString(remaining ?? 0)} Remaining)`;
}

const distributionColumns = [
  dist.accessor('address', { header: 'Host' }),
  dist.accessor((d) => d.onHeapMemoryUsed ?? 0, {
    id: 'onHeap',
    header: 'On Heap Memory Usage',
    meta: { align: 'right', cellClassName: 'whitespace-nowrap' },
    cell: (c) => usage(c.row.original.onHeapMemoryUsed, c.row.original.onHeapMemoryRemaining),
  }),
  dist.accessor((d) => d.offHeapMemoryUsed ?? 0, {
    id: 'offHeap',
    header: 'Off Heap Memory Usage',
    meta: { align: 'right', cellClassName: 'whitespace-nowrap' },
    cell: (c) => usage(c.row.original.offHeapMemoryUsed, c.row.original.offHeapMemoryRemaining),
  }),
  dist.accessor('diskUsed', { header: 'Disk Usage', meta: { align: 'right', cellClassName: 'whitespace-nowrap' }, cell: (c) => bytesToString(c.getValue()) }),
];

/** Block names end in the partition index ("rdd_3_12"); compare them as numbers, not text. */
function compareBlockNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function partitionColumns(app: AppRef, addresses: ReadonlyMap<string, string>) {
  return [
    part.accessor('blockName', {
      header: 'Block Name',
      sortingFn: (a, b) => compareBlockNames(a.original.blockName, b.original.blockName),
      cell: (c) => <span className="font-mono text-xs">{c.getValue()}</span>,
    }),
    part.accessor('storageLevel', { header: 'Storage Level' }),
    part.accessor('memoryUsed', { header: 'Size in Memory', meta: { align: 'right', cellClassName: 'whitespace-nowrap' }, cell: (c) => bytesToString(c.getValue()) }),
    part.accessor('diskUsed', { header: 'Size on Disk', meta: { align: 'right', cellClassName: 'whitespace-nowrap' }, cell: (c) => bytesToString(c.getValue()) }),
    part.accessor((p) => p.executors.map((id) => addresses.get(id) ?? id).sort().join(' '), {
      id: 'executors',
      header: 'Executors',
      cell: (c) => (
        // Spark prints host:port of the executors holding the block; each links to its executor row.
        <span className="flex flex-wrap gap-x-2">
          {[...c.row.original.executors]
            .sort((a, b) => (addresses.get(a) ?? a).localeCompare(addresses.get(b) ?? b))
            .map((id) => (
              <Link key={id} to={appPaths.executors(app, id)} className="link" title={`Executor ${id}`}>
                {addresses.get(id) ?? id}
              </Link>
            ))}
        </span>
      ),
    }),
  ];
}

function RddDetail({ app, rdd }: { app: AppRef; rdd: RDDStorageInfo }) {
  const executors = useActiveExecutors(app);
  const addresses = useMemo(() => new Map((executors.data ?? []).map((e) => [e.id, e.hostPort])), [executors.data]);
  const partColumns = useMemo(() => partitionColumns(app, addresses), [app, addresses]);
  const distTable = useTableUrlState('distribution');
  const blocks = useTableUrlState('block', { sort: 'blockName', pageSize: 100 });
  const distribution = rdd.dataDistribution ?? NO_DISTRIBUTION;
  const partitions = rdd.partitions ?? NO_PARTITIONS;

  return (
    <div data-testid="rdd-page">
      <p className="text-xs text-slate-500 dark:text-slate-400">
        <Link to={appPaths.storage(app)} className="link">
          Storage
        </Link>{' '}
        / RDD {rdd.id}
      </p>
      <h2 className="mb-3 text-lg font-semibold" data-testid="rdd-title">
        RDD Storage Info for {rdd.name}
      </h2>
      <SummaryList
        testId="rdd-summary"
        items={[
          { label: 'Storage Level:', value: rdd.storageLevel },
          { label: 'Cached Partitions:', value: rdd.numCachedPartitions },
          { label: 'Total Partitions:', value: rdd.numPartitions },
          { label: 'Memory Size:', value: bytesToString(rdd.memoryUsed) },
          { label: 'Disk Size:', value: bytesToString(rdd.diskUsed) },
        ]}
      />
      <CollapsibleSection title={`Data Distribution on ${distribution.length} Executors`} id="data-distribution" storageKey="rdd-distribution">
        <DataTable
          label="Data distribution"
          testId="rdd-distribution"
          data={distribution}
          columns={distributionColumns}
          getRowId={(d) => d.address}
          sorting={distTable.sorting}
          onSortingChange={distTable.setSorting}
          empty={<EmptyState title="No executor holds blocks of this RDD" />}
        />
      </CollapsibleSection>
      <CollapsibleSection title={`${partitions.length} Partitions`} id="partitions" storageKey="rdd-partitions">
        <DataTable
          label="Partitions"
          testId="rdd-partitions"
          data={partitions}
          columns={partColumns}
          getRowId={(p) => p.blockName}
          sorting={blocks.sorting}
          onSortingChange={blocks.setSorting}
          pagination={{ page: blocks.page, pageSize: blocks.pageSize, onPageChange: blocks.setPage, onPageSizeChange: blocks.setPageSize }}
          empty={<EmptyState title="No partition of this RDD is cached" />}
        />
      </CollapsibleSection>
    </div>
  );
}

/** Spark's RDD page: summary, where the blocks live per executor, and the cached partitions (paged, sortable). */
export default function RddPage() {
  const app = useAppRef();
  const { rddId = '' } = useParams();
  const id = Number(rddId);
  const valid = /^\d+$/.test(rddId);
  const rdd = useRdd(app, valid ? id : -1);
  if (!valid) return <NotFound what={`RDD ${rddId}`} />;
  return (
    <QueryView query={rdd} loadingLabel="Loading RDD…" errorTitle="RDD Not Found">
      {(info) => <RddDetail app={app} rdd={info} />}
    </QueryView>
  );
}
