import { z } from 'zod';
import { Double, Long, StringPair } from './scalars.js';

export const RuntimeInfo = z.looseObject({
  javaVersion: z.string(),
  javaHome: z.string(),
  scalaVersion: z.string(),
});
export type RuntimeInfo = z.infer<typeof RuntimeInfo>;

export const ExecutorResourceRequest = z.looseObject({
  resourceName: z.string(),
  /** A Long in Spark (e.g. memory in MiB, cores). */
  amount: Long,
  discoveryScript: z.string(),
  vendor: z.string(),
});
export type ExecutorResourceRequest = z.infer<typeof ExecutorResourceRequest>;

export const TaskResourceRequest = z.looseObject({
  resourceName: z.string(),
  /** A Double in Spark: tasks may take fractions of a resource. */
  amount: Double,
});
export type TaskResourceRequest = z.infer<typeof TaskResourceRequest>;

export const ResourceProfileInfo = z.looseObject({
  id: Long,
  executorResources: z.record(z.string(), ExecutorResourceRequest),
  taskResources: z.record(z.string(), TaskResourceRequest),
});
export type ResourceProfileInfo = z.infer<typeof ResourceProfileInfo>;

/**
 * `environment` answer. Property lists are `[name, value]` pairs (Scala tuples), redacted and sorted by
 * name by the server.
 */
export const ApplicationEnvironmentInfo = z.looseObject({
  runtime: RuntimeInfo,
  sparkProperties: z.array(StringPair),
  hadoopProperties: z.array(StringPair),
  systemProperties: z.array(StringPair),
  metricsProperties: z.array(StringPair),
  /** `[path, source]` pairs, e.g. `["/opt/spark/jars/x.jar", "System Classpath"]`. */
  classpathEntries: z.array(StringPair),
  resourceProfiles: z.array(ResourceProfileInfo),
});
export type ApplicationEnvironmentInfo = z.infer<typeof ApplicationEnvironmentInfo>;
