import { z } from 'zod';

/** `version` answer: the Spark version the server claims to be. */
export const VersionInfo = z.looseObject({
  spark: z.string(),
});
export type VersionInfo = z.infer<typeof VersionInfo>;
