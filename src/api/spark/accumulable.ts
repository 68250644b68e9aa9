import { z } from 'zod';
import { Long } from './scalars.js';

/** A named accumulator as Spark reports it on stages and tasks; values are already rendered as strings. */
export const AccumulableInfo = z.looseObject({
  id: Long,
  name: z.string(),
  /** The task's own contribution; absent on stage-level entries. */
  update: z.string().optional(),
  value: z.string(),
});
export type AccumulableInfo = z.infer<typeof AccumulableInfo>;
