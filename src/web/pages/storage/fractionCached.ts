import type { RDDStorageInfo } from '../../../api/index.js';

/** Share of an RDD's partitions that are cached, in percent (0 for an RDD without partitions). */
export function fractionCached(rdd: RDDStorageInfo): number {
  return rdd.numPartitions > 0 ? (rdd.numCachedPartitions * 100) / rdd.numPartitions : 0;
}

/** Spark's "Fraction Cached" cell, e.g. "45.00%". */
export function fractionCachedText(rdd: RDDStorageInfo): string {
  return `${fractionCached(rdd).toFixed(2)}%`;
}
