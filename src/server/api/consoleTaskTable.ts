import type { TaskTablePage, TaskTableQuery } from '../../api/console/stageTasks.js';
import type { ResolvedAttempt } from './appCatalog.js';
import { executorLogsLookup, taskData } from './sparkApi.js';

/**
 * One page of the console's task table: the count of matching tasks and the page itself, both index-driven
 * queries on the attempt's task rows (TaskData is rebuilt only for the page's tasks).
 */
export function taskTablePage(a: ResolvedAttempt, stageId: number, attemptId: number, q: TaskTableQuery): TaskTablePage {
  const total = a.store.taskCount(stageId, attemptId, q.status, q.search);
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
