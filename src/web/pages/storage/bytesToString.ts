const UNITS = [
  ['EiB', 2 ** 60],
  ['PiB', 2 ** 50],
  ['TiB', 2 ** 40],
  ['GiB', 2 ** 30],
  ['MiB', 2 ** 20],
  ['KiB', 2 ** 10],
] as const;

/**
 * Spark's server-side byte text (Utils.bytesToString), which the Storage and RDD pages use: a unit is only
 * chosen from twice its size ("1536.0 B", "2.0 KiB"), one decimal. It differs from the JavaScript formatBytes
 * of the executor and stage tables, and the Storage pages should read exactly as Spark's do.
 */
export function bytesToString(bytes: number): string {
  for (const [unit, size] of UNITS) {
    if (bytes >= 2 * size) return `${(bytes / size).toFixed(1)} ${unit}`;
  }
  return `${bytes.toFixed(1)} B`;
}
