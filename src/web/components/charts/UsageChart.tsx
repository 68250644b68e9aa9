import { Area, AreaChart, Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCuHours } from '../../lib/formatCuHours.js';

/*
 * A project's compute per day (CU-hours, UTC days, oldest first), in two sizes: `trend` is the small area
 * sparkline of a project card, `bars` the project page's bar chart with axes. Default export so pages load
 * it lazily (recharts stays out of the initial bundle).
 */

export interface UsageDay {
  day: string;
  cuHours: number;
}

/** `2026-03-02` → `3/2`. */
function shortDay(day: string): string {
  const [, m, d] = day.split('-');
  return m === undefined || d === undefined ? day : `${Number(m)}/${Number(d)}`;
}

function UsageTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
  const point = payload?.[0]?.payload as UsageDay | undefined;
  if (active !== true || point === undefined) return null;
  return (
    <div className="rounded border border-slate-200 bg-white px-2 py-1 text-xs shadow dark:border-slate-700 dark:bg-slate-900" data-testid="chart-tooltip">
      <div className="text-slate-500 dark:text-slate-400">{point.day} (UTC)</div>
      <div className="font-semibold">{formatCuHours(point.cuHours)}</div>
    </div>
  );
}

export default function UsageChart({ days, variant, height }: { days: readonly UsageDay[]; variant: 'trend' | 'bars'; height?: number }) {
  const data = days as UsageDay[];
  if (variant === 'trend') {
    return (
      <div className="text-sky-600 dark:text-sky-400" style={{ height: height ?? 48 }} data-testid="usage-trend" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data} margin={{ top: 4, right: 0, bottom: 0, left: 0 }}>
            <Tooltip content={(props) => <UsageTooltip active={props.active} payload={props.payload} />} />
            <Area type="monotone" dataKey="cuHours" stroke="currentColor" fill="currentColor" fillOpacity={0.15} strokeWidth={1.5} isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    );
  }
  return (
    <div className="text-slate-600 dark:text-slate-300" style={{ height: height ?? 220 }} data-testid="usage-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="rgb(148 163 184 / 0.3)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={shortDay} stroke="currentColor" tick={{ fill: 'currentColor', fontSize: 11 }} minTickGap={8} />
          <YAxis width={48} stroke="currentColor" tick={{ fill: 'currentColor', fontSize: 11 }} tickFormatter={(v: number) => (v >= 10 ? v.toFixed(0) : v.toFixed(1))} />
          <Tooltip cursor={{ fill: 'rgb(148 163 184 / 0.15)' }} content={(props) => <UsageTooltip active={props.active} payload={props.payload} />} />
          <Bar dataKey="cuHours" name="CU-hours" fill="#0ea5e9" radius={[2, 2, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
