import type { DiagnosticSeverity } from '../../../api/index.js';

/** Severities from the most to the least urgent, as summaries list them. */
export const DIAGNOSTIC_SEVERITIES_ORDER: readonly DiagnosticSeverity[] = ['critical', 'warning', 'info'];
