import { useCallback, useMemo } from 'react';
import { useUrlParamList } from '../../lib/urlState.js';
import type { StageDataPresence } from './stageDataPresence.js';

/**
 * The stage page's "Show Additional Metrics" boxes (§2.5 3), in Spark's order: task columns (each also adds its
 * row to the summary metrics) and the executor table's peak-memory pairs. Task ids are the task table's sort
 * keys. The shuffle boxes exist only when the stage read or wrote shuffle data.
 */
export const STAGE_OPTIONAL_METRICS = [
  { id: 'schedulerDelay', label: 'Scheduler Delay', title: 'Time from the scheduler to the executor and back again for the result, beyond the task\'s own work.' },
  { id: 'deserializationTime', label: 'Task Deserialization Time', title: 'Time the executor spent deserializing the task (and reading its broadcast closure).' },
  { id: 'shuffleFetchWait', label: 'Shuffle Read Fetch Wait Time', title: 'Time the task sat blocked waiting for remote shuffle blocks.', needs: 'shuffleRead' },
  { id: 'shuffleRemoteReads', label: 'Shuffle Remote Reads', title: 'Shuffle bytes the task fetched from other executors.', needs: 'shuffleRead' },
  { id: 'shuffleWriteTime', label: 'Shuffle Write Time', title: 'Time the task spent writing shuffle output.', needs: 'shuffleWrite' },
  { id: 'serializationTime', label: 'Result Serialization Time', title: 'Time the executor spent serializing the task result before sending it to the driver.' },
  { id: 'gettingResultTime', label: 'Getting Result Time', title: 'Time the driver spent fetching a large task result from the executor.' },
  { id: 'peakExecutionMemory', label: 'Peak Execution Memory', title: 'Most memory the task\'s shuffle, aggregation and join structures held at once.' },
  { id: 'executorPeakJvm', label: 'Peak JVM Memory OnHeap / OffHeap', title: 'Per executor: the JVM\'s peak heap and non-heap memory.' },
  { id: 'executorPeakExecution', label: 'Peak Execution Memory OnHeap / OffHeap', title: 'Per executor: peak on-heap and off-heap execution memory.' },
  { id: 'executorPeakStorage', label: 'Peak Storage Memory OnHeap / OffHeap', title: 'Per executor: peak on-heap and off-heap storage memory.' },
  { id: 'executorPeakPool', label: 'Peak Pool Memory Direct / Mapped', title: 'Per executor: peak direct and memory-mapped buffer pool memory.' },
] as const satisfies readonly { id: string; label: string; title: string; needs?: keyof StageDataPresence }[];

export type StageOptionalMetric = (typeof STAGE_OPTIONAL_METRICS)[number]['id'];

/** The boxes this stage offers (the shuffle ones only with shuffle data). */
export function offeredMetrics(presence: StageDataPresence): (typeof STAGE_OPTIONAL_METRICS)[number][] {
  return STAGE_OPTIONAL_METRICS.filter((m) => !('needs' in m) || presence[m.needs]);
}

const KNOWN = new Set<string>(STAGE_OPTIONAL_METRICS.map((m) => m.id));

/**
 * The chosen boxes, kept in the URL (`?metrics=schedulerDelay&metrics=executorPeakJvm`, or `metrics=all`) so a
 * shared link shows the same columns.
 */
export function useStageOptionalMetrics(): [ReadonlySet<StageOptionalMetric>, (next: readonly StageOptionalMetric[]) => void] {
  const [raw, setRaw] = useUrlParamList('metrics');
  const key = raw.join('&');
  const shown = useMemo(() => {
    const values = key.split('&');
    if (values.includes('all')) return new Set(STAGE_OPTIONAL_METRICS.map((m) => m.id));
    return new Set(values.filter((m): m is StageOptionalMetric => KNOWN.has(m)));
  }, [key]);
  const set = useCallback(
    (next: readonly StageOptionalMetric[]) => setRaw(STAGE_OPTIONAL_METRICS.map((m) => m.id).filter((id) => next.includes(id)), { replace: true }),
    [setRaw],
  );
  return [shown, set];
}
