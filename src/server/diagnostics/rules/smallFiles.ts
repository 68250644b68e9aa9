import type { DiagnosticFinding } from '../../../api/console/diagnostics.js';
import type { DiagnosticsInput, SqlNodeFacts } from '../diagnosticsInput.js';
import { THRESHOLDS } from '../thresholds.js';
import { bytes } from '../textFormat.js';

/** The SQL metrics (Spark's names) that count a node's files and their size, for reads and for writes. */
const FILE_METRICS = [
  { direction: 'read', files: 'number of files read', size: 'size of files read' },
  { direction: 'written', files: 'number of written files', size: 'written output' },
] as const;

/** Small files: a scan or write of more than 100 files averaging under 3 MB (DataFlint; ideal is ~128 MB). */
export function smallFilesRule(input: DiagnosticsInput): DiagnosticFinding[] {
  const out: DiagnosticFinding[] = [];
  for (const node of input.sqlNodes) {
    for (const m of FILE_METRICS) {
      const files = node.metrics[m.files];
      const size = node.metrics[m.size];
      if (files === undefined || size === undefined || files <= THRESHOLDS.smallFilesCount) continue;
      const average = size / files;
      if (average >= THRESHOLDS.smallFileAvgBytes) continue;
      out.push(finding(node, m.direction, files, size, average));
    }
  }
  return out;
}

function finding(node: SqlNodeFacts, direction: 'read' | 'written', files: number, size: number, average: number): DiagnosticFinding {
  const where = `SQL query ${node.executionId}`;
  return {
    id: `smallFiles:${node.executionId}.${node.nodeId}.${direction}`,
    rule: 'smallFiles',
    severity: 'warning',
    title: `Small files ${direction} in ${where} (${node.nodeName}): ${files} files averaging ${bytes(average)}`,
    measured: [
      { label: `files ${direction}`, value: files, unit: 'count' },
      { label: `size ${direction}`, value: size, unit: 'bytes' },
      { label: 'average file size', value: average, unit: 'bytes' },
    ],
    thresholds: [
      { label: 'files above', value: THRESHOLDS.smallFilesCount, unit: 'count' },
      { label: 'average file size below', value: THRESHOLDS.smallFileAvgBytes, unit: 'bytes' },
    ],
    impactMs: 0,
    impact:
      direction === 'read'
        ? 'every file costs an open and a listing; compacting them into ~128 MB files reads the same data with fewer tasks'
        : 'the next job reading this output pays for every small file; coalesce or repartition before writing',
    links: [{ kind: 'sql', label: `${where}: ${node.description}`, executionId: node.executionId }],
  };
}
