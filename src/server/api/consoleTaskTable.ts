import type { TaskTablePage, TaskTableQuery } from '../../api/console/stageTasks.js';
import type { ResolvedAttempt } from './appCatalog.js';
import { executorLogsLookup, taskData } from './sparkApi.js';

/**
 * Matching-task counts per store version and filter: paging through one filter counts once (a count walks the
 * whole attempt, the page only its index range). A replay increment changes the key.
 */
const counts = new Map<string, number>();
const MAX_COUNTS = 512;

function cachedCount(a: ResolvedAttempt, stageId: number, attemptId: number, q: TaskTableQuery): number {
  const key = JSON.stringify([a.row.dbFile, a.row.parsedSize, a.row.parsedMtime, stageId, attemptId, [...q.status].sort(), q.search ?? '']);
  const known = counts.get(key);
  if (known !== undefined) return known;
  const n = a.store.taskCount(stageId, attemptId, q.status, q.search);
  if (counts.size >= MAX_COUNTS) counts.delete(counts.keys().next().value!);
  counts.set(key, n);
  return n;
}

/**
 * One page of the console's task table: the count of matching tasks and the page itself, both index-driven
 * queries on the attempt's task rows (TaskData is rebuilt only for the page's tasks).
 */
export function taskTablePage(a: ResolvedAttempt, stageId: number, attemptId: number, q: TaskTableQuery): TaskTablePage {
  const total = cachedCount(a, stageId, attemptId, q);
  const rows = a.store.tasks(stageId, attemptId, {
    offset: q.offset,
    length: q.length,
    order: q.sort,
    descending: q.desc,
    statuses: q.status,
    search: q.search,
  });
  const logs = executorLogsLookup(a.store);
  return { total, tasks: rows.map((r) => taskData(a, r, logs(r.executor_id))) as TaskTablePage['tasks'] };
}
