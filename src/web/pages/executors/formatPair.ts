import { formatBytes } from '../../lib/formatBytes.js';
import { formatDuration } from '../../lib/formatDuration.js';

/** "used / total" memory cells, as Spark prints them ("0.0 B / 0.0 B" when nothing was reported). */
export function bytesPair(a: number | undefined, b: number | undefined): string {
  return `${formatBytes(a ?? 0)} / ${formatBytes(b ?? 0)}`;
}

/** The "Task Time (GC Time)" cell: "21 s (0.3 s)". */
export function taskTimeText(taskTime: number, gcTime: number): string {
  return `${formatDuration(taskTime)} (${formatDuration(gcTime)})`;
}
