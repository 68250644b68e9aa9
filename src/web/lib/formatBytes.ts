const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;

/**
 * Bytes in base 1024 with one decimal, as Spark's JS formatBytes does ("0.0 B" for zero or negative values,
 * which Spark uses for "nothing recorded").
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0.0 B';
  const exp = Math.min(Math.floor(Math.log(bytes) / Math.log(1024)), UNITS.length - 1);
  return `${(bytes / 1024 ** exp).toFixed(1)} ${UNITS[exp]}`;
}

/** Spark's "size / records" cells: blank when both are zero, as the stage tables do. */
export function formatBytesAndRecords(bytes: number, records: number): string {
  if (bytes <= 0 && records <= 0) return '';
  return `${formatBytes(bytes)} / ${records}`;
}

/** Stage-table byte cells are blank when nothing was read or written. */
export function formatBytesOrBlank(bytes: number): string {
  return bytes > 0 ? formatBytes(bytes) : '';
}
