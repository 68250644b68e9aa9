import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunSummary } from '../../../api/index.js';
import { formatCuHours } from '../../lib/formatCuHours.js';
import { formatEpochMillisWithZone } from '../../lib/formatDate.js';
import { useDisplayTimeZone } from '../timeZone/timeZoneContext.js';
import { formatDuration } from '../../lib/formatDuration.js';

/*
 * A job's runs over time: duration (minutes, left axis) and CU-hours (right axis), oldest first. Every point
 * is a run; clicking it opens that run. Default export so pages load it lazily (recharts stays out of the
 * initial bundle).
 */

interface Point {
  run: RunSummary;
  label: string;
  minutes: number;
  cuHours: number;
}

function RunTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
  const point = payload?.[0]?.payload as Point | undefined;
  const { zone } = useDisplayTimeZone();
  if (active !== true || point === undefined) return null;
  return (
    <div className="rounded border border-slate-200 bg-white px-2 py-1 text-xs shadow dark:border-slate-700 dark:bg-slate-900">
      <div className="font-mono">{point.run.appId}</div>
      <div className="text-slate-500 dark:text-slate-400">{formatEpochMillisWithZone(point.run.startTime, zone)}</div>
      <div>
        {formatDuration(point.run.durationMs)} · {formatCuHours(point.run.cuHours)} · {point.run.status}
      </div>
    </div>
  );
}

export default function RunTrendChart({ runs, onOpen, height = 240 }: { runs: readonly RunSummary[]; onOpen: (run: RunSummary) => void; height?: number }) {
  const { zone } = useDisplayTimeZone();
  const data: Point[] = useMemo(
    () =>
      [...runs]
        .sort((a, b) => a.startTime - b.startTime)
        .map((run) => ({ run, label: formatEpochMillisWithZone(run.startTime, zone), minutes: run.durationMs / 60_000, cuHours: run.cuHours })),
    [runs, zone],
  );
  // A clickable dot per run, stable across renders (a new renderer on every hover would replace the dot under
  // the pointer between press and release, and the click would be lost).
  const dots = useMemo(() => ({ duration: dotRenderer(data, 'duration', onOpen), cu: dotRenderer(data, 'cu', onOpen) }), [data, onOpen]);
  return (
    <div className="text-slate-600 dark:text-slate-300" style={{ height }} data-testid="run-trend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          className="cursor-pointer"
          // A click anywhere over a run's column opens it (the dots are small targets).
          onClick={(state) => {
            const point = state.activeTooltipIndex === undefined || state.activeTooltipIndex === null ? undefined : data[Number(state.activeTooltipIndex)];
            if (point !== undefined) onOpen(point.run);
          }}
        >
          <CartesianGrid stroke="rgb(148 163 184 / 0.3)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" stroke="currentColor" tick={{ fill: 'currentColor', fontSize: 11 }} minTickGap={24} />
          <YAxis yAxisId="minutes" width={48} stroke="currentColor" tick={{ fill: 'currentColor', fontSize: 11 }} tickFormatter={(v: number) => `${v.toFixed(v >= 10 ? 0 : 1)}m`} />
          <YAxis yAxisId="cu" orientation="right" width={48} stroke="currentColor" tick={{ fill: 'currentColor', fontSize: 11 }} tickFormatter={(v: number) => v.toFixed(v >= 10 ? 0 : 2)} />
          <Tooltip content={(props) => <RunTooltip active={props.active} payload={props.payload} />} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line yAxisId="minutes" type="monotone" dataKey="minutes" name="Duration (min)" stroke="#0ea5e9" strokeWidth={2} dot={dots.duration} activeDot={false} isAnimationActive={false} />
          <Line yAxisId="cu" type="monotone" dataKey="cuHours" name="CU-hours" stroke="#f59e0b" strokeWidth={2} dot={dots.cu} activeDot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

function dotRenderer(data: readonly Point[], series: 'duration' | 'cu', onOpen: (run: RunSummary) => void) {
  return (props: { cx?: number; cy?: number; index?: number }) => {
    const point = props.index === undefined ? undefined : data[props.index];
    if (point === undefined || props.cx === undefined || props.cy === undefined) return <g key={`${series}-none-${props.index ?? 0}`} />;
    return (
      <circle
        key={`${series}-${point.run.appId}`}
        cx={props.cx}
        cy={props.cy}
        r={5}
        className="cursor-pointer"
        fill={series === 'duration' ? '#0ea5e9' : '#f59e0b'}
        stroke={point.run.status === 'failed' ? '#dc2626' : 'white'}
        strokeWidth={2}
        data-testid={series === 'duration' ? 'run-point' : undefined}
        data-app-id={point.run.appId}
        onClick={() => onOpen(point.run)}
      >
        <title>{`Open ${point.run.appId}`}</title>
      </circle>
    );
  };
}
