import { useCallback } from 'react';
import type { AppRef, ExecutionData } from '../../../api/index.js';
import { useJobs } from '../../api/jobQueries.js';
import { useStages } from '../../api/stageQueries.js';
import { sqlFailureMessage } from './sqlFailureMessage.js';
import { SqlTable } from './SqlTable.js';

/**
 * The Failed Queries table. It is its own component so the jobs and stages it needs for the error messages
 * (not part of Spark's SQL REST answer) are only fetched when some query failed.
 */
export function FailedSqlTable({ app, executions }: { app: AppRef; executions: readonly ExecutionData[] }) {
  const jobs = useJobs(app);
  const stages = useStages(app);
  const errorOf = useCallback((e: ExecutionData) => sqlFailureMessage(e, jobs.data, stages.data), [jobs.data, stages.data]);
  return <SqlTable app={app} group="failed" executions={executions} errorOf={errorOf} />;
}
