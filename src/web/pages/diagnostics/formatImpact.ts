import type { DiagnosticFinding, DiagnosticValue } from '../../../api/index.js';
import { formatBytes } from '../../lib/formatBytes.js';
import { formatCuHours } from '../../lib/formatCuHours.js';
import { formatDuration } from '../../lib/formatDuration.js';

/** A measured value or threshold in its unit. */
export function formatValue(v: DiagnosticValue): string {
  switch (v.unit) {
    case 'ms':
      return formatDuration(v.value);
    case 'bytes':
      return formatBytes(v.value);
    case 'ratio':
      return v.value <= 1 ? `${(v.value * 100).toFixed(1)}%` : `${v.value}×`;
    default:
      return String(v.value);
  }
}

/** The time (and CU-hours) a finding explains. */
export function formatImpact(f: DiagnosticFinding): string {
  const time = formatDuration(f.impactMs);
  return f.impactCuHours === undefined ? time : `${time} · ${formatCuHours(f.impactCuHours)}`;
}
