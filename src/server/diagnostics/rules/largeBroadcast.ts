import type { DiagnosticFinding } from '../../../api/console/diagnostics.js';
import type { DiagnosticsInput } from '../diagnosticsInput.js';
import { THRESHOLDS } from '../thresholds.js';
import { bytes } from '../textFormat.js';

/** Large broadcast: a BroadcastExchange whose "data size" is above 1 GB (DataFlint). */
export function largeBroadcastRule(input: DiagnosticsInput): DiagnosticFinding[] {
  return input.sqlNodes
    .filter((n) => n.nodeName.startsWith('BroadcastExchange') && (n.metrics['data size'] ?? 0) > THRESHOLDS.broadcastBytes)
    .map((n) => {
      const size = n.metrics['data size']!;
      const where = `SQL query ${n.executionId}`;
      return {
        id: `largeBroadcast:${n.executionId}.${n.nodeId}`,
        rule: 'largeBroadcast' as const,
        severity: 'warning' as const,
        title: `Large broadcast in ${where}: ${bytes(size)} sent to every executor`,
        measured: [{ label: 'broadcast data size', value: size, unit: 'bytes' as const }],
        thresholds: [{ label: 'broadcast size above', value: THRESHOLDS.broadcastBytes, unit: 'bytes' as const }],
        impactMs: 0,
        impact: 'the driver collects the table and every executor holds a copy in memory; a shuffle join scales better',
        links: [{ kind: 'sql' as const, label: `${where}: ${n.description}`, executionId: n.executionId }],
      };
    });
}
