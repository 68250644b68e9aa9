import { z } from 'zod';

/*
 * A stage attempt's tasks as columns, for the task timeline (`GET …/stages/{stageId}/{stageAttemptId}/timeline`):
 * index i of every array is one task. A 100 000-task stage is a few MB this way, against ~150 MB of TaskData.
 * Phase times are Spark's (spec/spark-ui.md §2.11 C) in ms; executor computing time is what the others leave
 * of the duration.
 */
export const TaskTimeline = z.looseObject({
  stageId: z.int(),
  attemptId: z.int(),
  count: z.int(),
  /** Distinct executors; `executor[i]` indexes this list. */
  executors: z.array(z.looseObject({ id: z.string(), host: z.string() })),
  /** Distinct statuses (SUCCESS, FAILED, KILLED, RUNNING, …); `status[i]` indexes this list. */
  statuses: z.array(z.string()),
  taskId: z.array(z.int()),
  index: z.array(z.int()),
  attempt: z.array(z.int()),
  executor: z.array(z.int()),
  status: z.array(z.int()),
  speculative: z.array(z.int()),
  launchTime: z.array(z.int()),
  duration: z.array(z.int()),
  schedulerDelay: z.array(z.number()),
  deserialization: z.array(z.number()),
  shuffleRead: z.array(z.number()),
  shuffleWrite: z.array(z.number()),
  serialization: z.array(z.number()),
  gettingResult: z.array(z.number()),
});
export type TaskTimeline = z.infer<typeof TaskTimeline>;
