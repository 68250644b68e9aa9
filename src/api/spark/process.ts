import { z } from 'zod';
import { Long, SparkDateString, StringMap } from './scalars.js';

/** A process that is neither driver nor executor, e.g. the YARN application master (`yarn-am`). */
export const ProcessSummary = z.looseObject({
  id: z.string(),
  hostPort: z.string(),
  isActive: z.boolean(),
  totalCores: Long,
  addTime: SparkDateString,
  removeTime: SparkDateString.optional(),
  /** Log name → URL. */
  processLogs: StringMap,
});
export type ProcessSummary = z.infer<typeof ProcessSummary>;
