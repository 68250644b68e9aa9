import type { DiagnosticFinding } from '../../../api/console/diagnostics.js';
import type { DiagnosticsInput, ExecutorFacts } from '../diagnosticsInput.js';
import { MS_PER_CORE_HOUR, THRESHOLDS } from '../thresholds.js';
import { bytes, ms, pct } from '../textFormat.js';

const GIB = 1024 ** 3;
/** 1 CU = 1 core + 4 GB: four GB-hours of memory count as one CU-hour. */
const GIB_PER_CU = 4;

/**
 * Executor memory against `spark.executor.memory` (DataFlint): the busiest executor's peak JVM heap above 95%
 * of it is under-provisioned (GC pressure, OOM risk); every executor's peak below 70% is over-provisioned
 * (memory paid for and not used). Needs executor metrics peaks (Spark 3.0+ logs) and the configured size.
 */
export function executorMemoryRule(input: DiagnosticsInput): DiagnosticFinding[] {
  const configured = input.executorMemoryBytes;
  const measuredExecutors = input.executors.filter((e): e is ExecutorFacts & { peakJvmHeapBytes: number } => e.id !== 'driver' && e.peakJvmHeapBytes !== undefined);
  if (configured === undefined || configured <= 0 || measuredExecutors.length === 0) return [];
  const busiest = measuredExecutors.reduce((a, b) => (b.peakJvmHeapBytes > a.peakJvmHeapBytes ? b : a));
  const share = busiest.peakJvmHeapBytes / configured;
  const measured = [
    { label: 'peak JVM heap (busiest executor)', value: busiest.peakJvmHeapBytes, unit: 'bytes' as const },
    { label: 'spark.executor.memory', value: configured, unit: 'bytes' as const },
    { label: 'peak share', value: share, unit: 'ratio' as const },
  ];
  const link = { kind: 'executor' as const, label: `executor ${busiest.id} (${busiest.host})`, executorId: busiest.id };
  if (share > THRESHOLDS.memoryHighShare) {
    const gcMs = measuredExecutors.reduce((n, e) => n + e.totalGcTime, 0);
    return [
      {
        id: 'executorMemory:high',
        rule: 'executorMemory',
        severity: 'warning',
        title: `Executor memory under-provisioned: executor ${busiest.id} peaked at ${bytes(busiest.peakJvmHeapBytes)} of ${bytes(configured)} heap (${pct(share)})`,
        measured,
        thresholds: [{ label: 'peak share above', value: THRESHOLDS.memoryHighShare, unit: 'ratio' }],
        impactMs: gcMs,
        impact: `executors spent ${ms(gcMs)} in JVM garbage collection; a fuller heap risks OutOfMemoryError`,
        links: [link],
      },
    ];
  }
  if (share < THRESHOLDS.memoryLowShare) {
    let executorMs = 0;
    for (const e of measuredExecutors) executorMs += Math.max(0, (e.removeTime ?? input.appEnd) - e.addTime);
    const unusedGibHours = (((1 - share) * configured) / GIB) * (executorMs / MS_PER_CORE_HOUR);
    const cuHours = unusedGibHours / GIB_PER_CU;
    return [
      {
        id: 'executorMemory:low',
        rule: 'executorMemory',
        severity: 'info',
        title: `Executor memory over-provisioned: the busiest executor peaked at ${bytes(busiest.peakJvmHeapBytes)} of ${bytes(configured)} heap (${pct(share)})`,
        measured,
        thresholds: [{ label: 'peak share below', value: THRESHOLDS.memoryLowShare, unit: 'ratio' }],
        impactMs: 0,
        impactCuHours: cuHours,
        impact: `${unusedGibHours.toFixed(2)} GB-hours of executor heap never used (${cuHours.toFixed(2)} CU-hours at 4 GB per CU)`,
        links: [link],
      },
    ];
  }
  return [];
}
