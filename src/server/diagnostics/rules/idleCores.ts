import type { DiagnosticFinding } from '../../../api/console/diagnostics.js';
import type { DiagnosticsInput, ExecutorFacts } from '../diagnosticsInput.js';
import { MS_PER_CORE_HOUR, THRESHOLDS } from '../thresholds.js';
import { ms, pct } from '../textFormat.js';

/** Executors that run tasks: the executors, or the driver alone in local mode. */
export function taskExecutors(executors: ExecutorFacts[]): ExecutorFacts[] {
  const workers = executors.filter((e) => e.id !== 'driver' && e.totalCores > 0);
  return workers.length > 0 ? workers : executors.filter((e) => e.id === 'driver' && e.totalCores > 0);
}

/** Idle cores: more than half of the allocated core time (executor lifetimes × cores) ran no task. */
export function idleCoresRule(input: DiagnosticsInput): DiagnosticFinding[] {
  let coreMs = 0;
  let taskMs = 0;
  for (const e of taskExecutors(input.executors)) {
    const end = e.removeTime ?? input.appEnd;
    coreMs += Math.max(0, end - e.addTime) * e.totalCores;
    taskMs += e.totalDuration;
  }
  if (coreMs <= 0) return [];
  const idleShare = Math.max(0, 1 - taskMs / coreMs);
  if (idleShare <= THRESHOLDS.idleCoreShare) return [];
  const idleMs = coreMs - taskMs;
  const cuHours = idleMs / MS_PER_CORE_HOUR;
  return [
    {
      id: 'idleCores',
      rule: 'idleCores',
      severity: 'warning',
      title: `Idle cores: ${pct(idleShare)} of ${(coreMs / MS_PER_CORE_HOUR).toFixed(2)} allocated core-hours ran no task (${cuHours.toFixed(2)} CU-hours)`,
      measured: [
        { label: 'allocated core time', value: coreMs, unit: 'ms' },
        { label: 'task time', value: taskMs, unit: 'ms' },
        { label: 'idle share', value: idleShare, unit: 'ratio' },
      ],
      thresholds: [{ label: 'idle share above', value: THRESHOLDS.idleCoreShare, unit: 'ratio' }],
      impactMs: idleMs,
      impactCuHours: cuHours,
      impact: `${ms(idleMs)} of core time paid for and not used (1 idle core-hour counted as 1 CU-hour)`,
      links: [],
    },
  ];
}
