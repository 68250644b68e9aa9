import { z } from 'zod';
import { ProjectRole } from './accounts.js';

/*
 * MaxCompute projects as the console shows them: who is in them, what ran, what failed, what it used.
 */

export const ProjectMember = z.looseObject({ user: z.string(), displayName: z.string(), role: ProjectRole });
export type ProjectMember = z.infer<typeof ProjectMember>;

/** Applications by status that started within a window. */
/** Applications by their listing status (`unknown`: the log ended without an application-end event). */
export const JobCounts = z.looseObject({ running: z.int(), succeeded: z.int(), failed: z.int(), unknown: z.int() });
export type JobCounts = z.infer<typeof JobCounts>;

export const ProjectSummary = z.looseObject({
  name: z.string(),
  description: z.string(),
  owner: z.string().nullable(),
  region: z.string().nullable(),
  quotaGroup: z.string().nullable(),
  /** `config` when declared in the --config file, `discovered` when only found on disk. */
  source: z.enum(['config', 'discovered']),
  /** The caller's role; null for a console administrator who is not a member. */
  myRole: ProjectRole.nullable(),
  /** Whether the caller may read logs / manage members (what the UI offers). */
  canReadLogs: z.boolean(),
  canManage: z.boolean(),
  members: z.array(ProjectMember),
  applications: z.int(),
  /** Applications that started within the last 24 hours / 7 days of the server's clock. */
  last24h: JobCounts,
  last7d: JobCounts,
  latestFailure: z
    .looseObject({ appId: z.string(), attemptId: z.string().optional(), name: z.string(), endTime: z.int() })
    .nullable(),
  /** Compute used per day (UTC), oldest first, over the last 14 days: CU-hours as MaxCompute bills Spark. */
  usage: z.array(z.looseObject({ day: z.string(), cuHours: z.number() })),
  /** CU-hours of the last 7 days. */
  cuHours7d: z.number(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const ProjectList = z.looseObject({ projects: z.array(ProjectSummary) });
export type ProjectList = z.infer<typeof ProjectList>;

/** `PUT /api/console/projects/{project}/members/{user}`. */
export const SetMemberRequest = z.object({ role: ProjectRole });
export type SetMemberRequest = z.infer<typeof SetMemberRequest>;

export const MemberList = z.looseObject({ members: z.array(ProjectMember) });
