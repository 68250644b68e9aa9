import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDuration } from '../../lib/formatDuration.js';

export interface StageDurationDatum {
  label: string;
  durationMs: number;
  status: string;
}

function fill(status: string): string {
  return status === 'FAILED' ? '#FF4D6D' : status === 'ACTIVE' ? '#36F572' : '#3EC0FF';
}

/** Bar chart of stage durations (a lazily loaded chunk: recharts is only fetched when a job page shows it). */
export default function StageDurationChart({ data }: { data: StageDurationDatum[] }) {
  return (
    <div className="h-64 w-full" data-testid="stage-duration-chart" role="img" aria-label={`Durations of ${data.length} stages`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="rgba(148,163,184,0.35)" />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: 'currentColor' }} label={{ value: 'Stage', position: 'insideBottom', offset: -4, fontSize: 11 }} />
          <YAxis tickFormatter={(v: number) => formatDuration(v)} tick={{ fontSize: 11, fill: 'currentColor' }} width={70} />
          <Tooltip
            formatter={(v) => [formatDuration(Number(v)), 'Duration']}
            contentStyle={{ fontSize: 12 }}
            cursor={{ fill: 'rgba(148,163,184,0.15)' }}
          />
          <Bar dataKey="durationMs" isAnimationActive={false} maxBarSize={48} name="Duration">
            {data.map((d) => (
              <Cell key={d.label} fill={fill(d.status)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
