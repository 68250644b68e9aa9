import { z } from 'zod';
import { Long } from './scalars.js';

/** Where a cached RDD's blocks live, per executor. The on/off-heap split is absent in old logs. */
export const RDDDataDistribution = z.looseObject({
  address: z.string(),
  memoryUsed: Long,
  memoryRemaining: Long,
  diskUsed: Long,
  onHeapMemoryUsed: Long.optional(),
  offHeapMemoryUsed: Long.optional(),
  onHeapMemoryRemaining: Long.optional(),
  offHeapMemoryRemaining: Long.optional(),
});
export type RDDDataDistribution = z.infer<typeof RDDDataDistribution>;

export const RDDPartitionInfo = z.looseObject({
  blockName: z.string(),
  storageLevel: z.string(),
  memoryUsed: Long,
  diskUsed: Long,
  /** Executor ids holding the block. */
  executors: z.array(z.string()),
});
export type RDDPartitionInfo = z.infer<typeof RDDPartitionInfo>;

/**
 * A cached RDD. The list endpoint omits `dataDistribution` and `partitions`; `storage/rdd/{id}` includes
 * them (possibly empty).
 */
export const RDDStorageInfo = z.looseObject({
  id: Long,
  name: z.string(),
  numPartitions: Long,
  numCachedPartitions: Long,
  /** Human-readable, e.g. `Memory Deserialized 1x Replicated`. */
  storageLevel: z.string(),
  memoryUsed: Long,
  diskUsed: Long,
  dataDistribution: z.array(RDDDataDistribution).optional(),
  partitions: z.array(RDDPartitionInfo).optional(),
});
export type RDDStorageInfo = z.infer<typeof RDDStorageInfo>;
