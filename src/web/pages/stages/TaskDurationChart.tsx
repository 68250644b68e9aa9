import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDuration } from '../../lib/formatDuration.js';

export interface DurationBin {
  /** Lower edge of the bin, ms. */
  from: number;
  to: number;
  count: number;
}

/** Splits durations into `bins` equal-width bins (a pre-aggregated series: recharts stays small and fast). */
export function durationHistogram(durations: readonly number[], bins = 24): DurationBin[] {
  if (durations.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const d of durations) {
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const width = Math.max(1, Math.ceil((max - min + 1) / bins));
  const out: DurationBin[] = Array.from({ length: Math.min(bins, Math.ceil((max - min + 1) / width)) }, (_, i) => ({ from: min + i * width, to: min + (i + 1) * width, count: 0 }));
  for (const d of durations) out[Math.min(out.length - 1, Math.floor((d - min) / width))]!.count++;
  return out;
}

/** Histogram of task durations (lazily loaded chunk with recharts). */
export default function TaskDurationChart({ durations }: { durations: readonly number[] }) {
  const data = durationHistogram(durations).map((b) => ({ ...b, label: formatDuration(b.from) }));
  return (
    <div className="h-56 w-full" data-testid="task-duration-chart" role="img" aria-label={`Distribution of ${durations.length} task durations`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} barCategoryGap={1}>
          <CartesianGrid strokeDasharray="3 3" stroke="rgba(148,163,184,0.35)" />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "currentColor" }} interval="preserveStartEnd" minTickGap={24} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: 'currentColor' }} width={40} />
          <Tooltip
            labelFormatter={(_, payload) => {
              const b = payload?.[0]?.payload as DurationBin | undefined;
              return b === undefined ? '' : `${formatDuration(b.from)} – ${formatDuration(b.to)}`;
            }}
            formatter={(v) => [String(v), 'Tasks']}
            contentStyle={{ fontSize: 12 }}
            cursor={{ fill: 'rgba(148,163,184,0.15)' }}
          />
          <Bar dataKey="count" fill="#B3DE69" stroke="#95B957" isAnimationActive={false} maxBarSize={48} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
