import type { TaskMetricDistributions } from '../../../api/index.js';
import { formatBytes } from '../../lib/formatBytes.js';
import { formatDuration } from '../../lib/formatDuration.js';
import type { StageDataPresence } from './stageDataPresence.js';
import type { StageOptionalMetric } from './stageOptionalMetrics.js';

/** The quantiles this table asks for: Min, 25th percentile, Median, 75th percentile, Max. */
export const SUMMARY_QUANTILES = [0, 0.25, 0.5, 0.75, 1.0];

interface MetricRow {
  label: string;
  values: string[];
  title?: string;
}

const ms = (values: readonly number[]) => values.map((v) => formatDuration(v));
const bytes = (values: readonly number[]) => values.map((v) => formatBytes(v));
const sizeRecords = (b: readonly number[], r: readonly number[]) => b.map((v, i) => `${formatBytes(v)} / ${Math.round(r[i] ?? 0)}`);

/**
 * Spark's "Summary Metrics for N Completed Tasks" (§2.5 5): the default rows, plus the row of each optional
 * metric whose box is ticked. Duration is the executor run time, as in the task table.
 */
export function SummaryMetricsTable({ d, presence, shown }: { d: TaskMetricDistributions; presence: StageDataPresence; shown: ReadonlySet<StageOptionalMetric> }) {
  const rows: MetricRow[] = [{ label: 'Duration', values: ms(d.executorRunTime), title: 'Executor run time of the task.' }];
  if (shown.has('schedulerDelay')) rows.push({ label: 'Scheduler Delay', values: ms(d.schedulerDelay), title: 'Time the task waited to be scheduled and to ship its result.' });
  if (shown.has('deserializationTime')) rows.push({ label: 'Task Deserialization Time', values: ms(d.executorDeserializeTime) });
  rows.push({ label: 'GC Time', values: ms(d.jvmGcTime) });
  if (shown.has('serializationTime')) rows.push({ label: 'Result Serialization Time', values: ms(d.resultSerializationTime) });
  if (shown.has('gettingResultTime')) rows.push({ label: 'Getting Result Time', values: ms(d.gettingResultTime) });
  if (shown.has('peakExecutionMemory')) rows.push({ label: 'Peak Execution Memory', values: bytes(d.peakExecutionMemory) });
  if (presence.input) rows.push({ label: 'Input Size / Records', values: sizeRecords(d.inputMetrics.bytesRead, d.inputMetrics.recordsRead) });
  if (presence.output) rows.push({ label: 'Output Size / Records', values: sizeRecords(d.outputMetrics.bytesWritten, d.outputMetrics.recordsWritten) });
  if (presence.shuffleRead) {
    if (shown.has('shuffleFetchWait')) rows.push({ label: 'Shuffle Read Fetch Wait Time', values: ms(d.shuffleReadMetrics.fetchWaitTime) });
    rows.push({ label: 'Shuffle Read Size / Records', values: sizeRecords(d.shuffleReadMetrics.readBytes, d.shuffleReadMetrics.readRecords) });
    if (shown.has('shuffleRemoteReads')) rows.push({ label: 'Shuffle Remote Reads', values: bytes(d.shuffleReadMetrics.remoteBytesRead) });
  }
  if (presence.shuffleWrite) {
    if (shown.has('shuffleWriteTime')) rows.push({ label: 'Shuffle Write Time', values: d.shuffleWriteMetrics.writeTime.map((v) => formatDuration(v / 1e6)) });
    rows.push({ label: 'Shuffle Write Size / Records', values: sizeRecords(d.shuffleWriteMetrics.writeBytes, d.shuffleWriteMetrics.writeRecords) });
  }
  if (presence.spill) {
    rows.push({ label: 'Spill (memory)', values: bytes(d.memoryBytesSpilled) });
    rows.push({ label: 'Spill (disk)', values: bytes(d.diskBytesSpilled) });
  }
  const headers = ['Min', '25th percentile', 'Median', '75th percentile', 'Max'];
  return (
    <div className="overflow-x-auto rounded border border-slate-200 dark:border-slate-700">
      <table className="w-full text-sm" aria-label="Summary metrics" data-testid="summary-metrics">
        <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <tr>
            <th scope="col" className="px-2 py-1.5">
              Metric
            </th>
            {headers.map((h) => (
              <th key={h} scope="col" className="px-2 py-1.5 text-right">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-t border-slate-200 dark:border-slate-700" data-metric={r.label}>
              <th scope="row" className="px-2 py-1 text-left font-medium" title={r.title}>
                {r.label}
              </th>
              {r.values.map((v, i) => (
                <td key={i} className="px-2 py-1 text-right tabular-nums whitespace-nowrap">
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
