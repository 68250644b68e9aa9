import type { AppCatalog } from '../api/appCatalog.js';
import type { CatalogView } from '../api/catalogView.js';
import type { IngestCoordinator } from '../ingest/ingestCoordinator.js';
import { openDescriptors } from '../openDescriptors.js';

/** Server health in Prometheus' text format (version 0.0.4). */
export function prometheusMetrics(view: CatalogView, catalog: AppCatalog, ingest: IngestCoordinator): string {
  const mem = process.memoryUsage();
  const metrics: [name: string, help: string, type: 'gauge' | 'counter', value: number][] = [
    ['spark_console_applications', 'Applications listed', 'gauge', view.applications().length],
    ['spark_console_replays_pending', 'Logs waiting for their replay', 'gauge', ingest.pendingCount],
    ['spark_console_logs_unreadable', 'Logs that could not be read', 'gauge', view.unreadable().length],
    ['spark_console_event_lines_skipped', 'Event-log lines the replays skipped (malformed, oversized, unknown events), over all logs', 'gauge', view.skippedLines()],
    ['spark_console_replays_retrying', 'Replays failed for a reason of the machine, retried with backoff', 'gauge', ingest.retryingCount],
    ['spark_console_roots_unreadable', 'Event-log roots or folders the last scan could not read', 'gauge', ingest.rootErrors.length],
    ['spark_console_scan_failing', '1 when the last scan could not record its results', 'gauge', ingest.lastScanError === undefined ? 0 : 1],
    ['spark_console_stores_open', 'Per-application stores open', 'gauge', catalog.storePool.size],
    ['spark_console_stores_open_limit', 'Most per-application stores kept open', 'gauge', catalog.storePool.limit],
    ['spark_console_last_scan_timestamp_seconds', 'End of the last scan of the event-log roots', 'gauge', ingest.lastScanAt / 1000],
    ['process_open_fds', 'Open file descriptors (-1: not known on this platform)', 'gauge', openDescriptors() ?? -1],
    ['process_resident_memory_bytes', 'Resident memory', 'gauge', mem.rss],
    ['nodejs_heap_used_bytes', 'V8 heap in use', 'gauge', mem.heapUsed],
    ['process_uptime_seconds', 'Time since the server started', 'gauge', Math.round(process.uptime())],
  ];
  return metrics.map(([name, help, type, value]) => `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${name} ${value}\n`).join('');
}
