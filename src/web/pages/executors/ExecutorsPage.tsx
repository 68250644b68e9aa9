import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import type { ExecutorSummary } from '../../../api/index.js';
import { useAllExecutors } from '../../api/executorQueries.js';
import { useAppRef } from '../../api/useAppRef.js';
import { LogLinks } from '../../components/LogLinks.js';
import { QueryView } from '../../components/QueryView.js';
import { formatBytes } from '../../lib/formatBytes.js';
import { formatDuration } from '../../lib/formatDuration.js';

/*
 * Interim Executors page (to be replaced by the full one; see pages/README.md). It already honours the
 * contract other pages link to: `?executor=<id>` highlights the row `id="executor-<id>"` with
 * `data-highlighted="true"` and scrolls it into view; the row shows the executor's log links.
 */
export default function ExecutorsPage() {
  const app = useAppRef();
  const executors = useAllExecutors(app);
  const [params] = useSearchParams();
  const highlighted = params.get('executor');

  useEffect(() => {
    if (highlighted !== null && executors.data !== undefined) {
      document.getElementById(`executor-${highlighted}`)?.scrollIntoView({ block: 'center' });
    }
  }, [highlighted, executors.data]);

  return (
    <QueryView query={executors} loadingLabel="Loading executors…">
      {(list) => (
        <table className="w-full text-sm" aria-label="Executors">
          <thead className="bg-slate-100 text-left text-xs uppercase dark:bg-slate-800">
            <tr>
              <th className="px-2 py-1">Executor ID</th>
              <th className="px-2 py-1">Address</th>
              <th className="px-2 py-1">Status</th>
              <th className="px-2 py-1 text-right">Cores</th>
              <th className="px-2 py-1 text-right">Failed Tasks</th>
              <th className="px-2 py-1 text-right">Complete Tasks</th>
              <th className="px-2 py-1 text-right">Task Time</th>
              <th className="px-2 py-1 text-right">Input</th>
              <th className="px-2 py-1">Logs</th>
            </tr>
          </thead>
          <tbody>
            {list.map((e: ExecutorSummary) => (
              <tr
                key={e.id}
                id={`executor-${e.id}`}
                data-highlighted={e.id === highlighted ? 'true' : undefined}
                className={`border-t border-slate-200 dark:border-slate-700 ${e.id === highlighted ? 'row-highlight' : ''}`}
              >
                <td className="px-2 py-1">{e.id}</td>
                <td className="px-2 py-1">{e.hostPort}</td>
                <td className="px-2 py-1">{e.isActive ? 'Active' : 'Dead'}</td>
                <td className="px-2 py-1 text-right">{e.totalCores}</td>
                <td className="px-2 py-1 text-right">{e.failedTasks}</td>
                <td className="px-2 py-1 text-right">{e.completedTasks}</td>
                <td className="px-2 py-1 text-right">{formatDuration(e.totalDuration)}</td>
                <td className="px-2 py-1 text-right">{formatBytes(e.totalInputBytes)}</td>
                <td className="px-2 py-1">
                  <LogLinks logs={e.executorLogs} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </QueryView>
  );
}
