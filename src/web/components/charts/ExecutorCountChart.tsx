import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMonthDayTimeInZone, formatTimeOfDayInZone } from '../../lib/formatDate.js';
import { zoneShortName } from '../../lib/timeZones.js';
import { DateTime } from '../timeZone/DateTime.js';
import { useDisplayTimeZone } from '../timeZone/timeZoneContext.js';

/*
 * Step chart of how many executors were alive over an application's run (recharts). It is the default export
 * so pages load it with React.lazy: recharts is large and only this chart needs it, so it stays out of the
 * initial bundle.
 */

export interface CountPoint {
  time: number;
  count: number;
}

/** Tick text in the reader's zone: time of day for runs within a day, else the date and the hour. */
function tickFormatter(spanMs: number, zone: string): (t: number) => string {
  return (t) => {
    if (spanMs > 24 * 3600_000) return formatMonthDayTimeInZone(t, zone);
    return formatTimeOfDayInZone(t, zone, spanMs < 10 * 60_000 ? 'second' : 'minute');
  };
}

function CountTooltip({ active, payload, unit }: { active?: boolean; payload?: readonly { payload?: unknown }[]; unit: string }) {
  const point = payload?.[0]?.payload as CountPoint | undefined;
  if (active !== true || point === undefined) return null;
  return (
    <div className="rounded border border-slate-200 bg-white px-2 py-1 text-xs shadow dark:border-slate-700 dark:bg-slate-900" data-testid="chart-tooltip">
      <div className="text-slate-500 dark:text-slate-400"><DateTime epochMs={point.time} /></div>
      <div className="font-semibold">
        {point.count} {unit}
      </div>
    </div>
  );
}

export default function ExecutorCountChart({
  points,
  start,
  end,
  unit = 'executors',
  height = 180,
}: {
  points: readonly CountPoint[];
  start: number;
  end: number;
  unit?: string;
  height?: number;
}) {
  const span = Math.max(1, end - start);
  const { zone } = useDisplayTimeZone();
  return (
    <div className="text-slate-600 dark:text-slate-300" data-testid="executor-count-chart">
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={points as CountPoint[]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="rgb(148 163 184 / 0.3)" strokeDasharray="3 3" />
            <XAxis
              dataKey="time"
              type="number"
              scale="time"
              domain={[start, end]}
              tickFormatter={tickFormatter(span, zone)}
              stroke="currentColor"
              tick={{ fill: 'currentColor', fontSize: 11 }}
              minTickGap={40}
            />
            <YAxis allowDecimals={false} width={36} stroke="currentColor" tick={{ fill: 'currentColor', fontSize: 11 }} />
            <Tooltip content={(props) => <CountTooltip active={props.active} payload={props.payload} unit={unit} />} />
            <Area
              type="stepAfter"
              dataKey="count"
              name={unit}
              stroke="#3EC0FF"
              fill="#A0DFFF"
              fillOpacity={0.6}
              strokeWidth={2}
              isAnimationActive={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <p className="text-right text-xs text-slate-500 dark:text-slate-400" data-testid="chart-time-zone">
        Times in {zoneShortName(start, zone)} ({zone})
      </p>
    </div>
  );
}
