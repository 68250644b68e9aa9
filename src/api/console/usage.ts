import { z } from 'zod';

/** Compute an application used (executor and driver lifetimes × cores and memory), per UTC day too. */
export const AppUsage = z.looseObject({
  coreMs: z.number(),
  /** Container memory (heap + overhead) × time, MiB·ms. */
  memoryMiBMs: z.number(),
  /** Task run time summed over executors. */
  taskMs: z.number(),
  /** max(core-hours, memory-GB-hours / 4): 1 CU = 1 core + 4 GB. */
  cuHours: z.number(),
  days: z.record(z.string(), z.looseObject({ coreMs: z.number(), memoryMiBMs: z.number(), cuHours: z.number() })),
});
export type AppUsage = z.infer<typeof AppUsage>;
