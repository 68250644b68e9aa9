import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDuration } from '../../lib/formatDuration.js';
import { durationHistogram, type DurationBin } from './durationHistogram.js';

/** Spark's timeline colours: the bulk in the computing-time green, outliers in the failed-stage red. */
const BULK = { fill: '#B3DE69', stroke: '#95B957' };
const OUTLIER = { fill: '#FF4D6D', stroke: '#D93A57' };

/**
 * Histogram of the successful tasks' wall-clock times, launch to finish (lazily loaded chunk with recharts). A bin
 * with any task is at least a few pixels high, and bins beyond the outlier fence are red and counted in the
 * caption, so one straggler among 100 000 tasks is visible.
 */
export default function TaskDurationChart({ durations }: { durations: readonly number[] }) {
  const h = durationHistogram(durations);
  return (
    <figure className="w-full" data-testid="task-duration-chart">
      <div className="h-56 w-full" role="img" aria-label={`Distribution of ${durations.length} task wall-clock times`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={h.bins} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} barCategoryGap={1}>
            <CartesianGrid strokeDasharray="3 3" stroke="rgba(148,163,184,0.35)" />
            <XAxis dataKey="label" tick={{ fontSize: 11, fill: 'currentColor' }} interval="preserveStartEnd" minTickGap={24} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: 'currentColor' }} width={48} />
            <Tooltip
              labelFormatter={(_, payload) => {
                const b = payload?.[0]?.payload as DurationBin | undefined;
                return b === undefined ? '' : `${b.label} – ${formatDuration(b.to)}${b.outlier ? ' (outlier)' : ''}`;
              }}
              formatter={(v) => [String(v), 'Tasks']}
              contentStyle={{ fontSize: 12 }}
              cursor={{ fill: 'rgba(148,163,184,0.15)' }}
            />
            <Bar dataKey="count" isAnimationActive={false} maxBarSize={48} minPointSize={(v) => (v !== null && v !== undefined && v > 0 ? 4 : 0)}>
              {h.bins.map((b) => (
                <Cell key={b.from} fill={b.outlier ? OUTLIER.fill : BULK.fill} stroke={b.outlier ? OUTLIER.stroke : BULK.stroke} data-outlier={b.outlier} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-slate-600 dark:text-slate-400" data-testid="task-duration-caption">
        Wall-clock time of {durations.length} successful tasks (launch to finish; the task table's Duration is the executor run time).
        {h.outlierTasks > 0 && h.outlierFrom !== undefined && (
          <span className="ml-1 font-medium text-rose-700 dark:text-rose-400" data-testid="task-duration-outliers">
            {h.outlierTasks} outlier {h.outlierTasks === 1 ? 'task' : 'tasks'} from {formatDuration(h.outlierFrom)} (red).
          </span>
        )}
      </figcaption>
    </figure>
  );
}
