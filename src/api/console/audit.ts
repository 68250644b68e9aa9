import { z } from 'zod';
import { intParam, optionalIntParam, optionalStringParam } from '../query/paramKinds.js';
import { defineQuery, type QueryInputOf, type QueryOf } from '../query/queryDefinition.js';

/** What the audit log records (append-only, in the index database). */
export const AUDIT_ACTIONS = [
  'signIn',
  'signInFailed',
  'signOut',
  'tokenCreated',
  'tokenRevoked',
  'userCreated',
  'passwordChanged',
  /** A console administrator set another user's (or their own) password from the Users page. */
  'passwordReset',
  'adminGranted',
  'adminRevoked',
  'memberSet',
  'memberRemoved',
  'logDownload',
  'eventLogDownload',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEntry = z.looseObject({
  id: z.string(),
  /** Epoch ms. */
  at: z.int(),
  /** Who acted (for a failed sign-in: the name that was tried). */
  user: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  project: z.string().nullable(),
  /** What was acted on: an app id, a user, a token id, a file. */
  target: z.string().nullable(),
  /** Client address. */
  address: z.string().nullable(),
  /** How the caller was signed in, and details such as a role. */
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.looseObject({ total: z.int(), entries: z.array(AuditEntry) });
export type AuditPage = z.infer<typeof AuditPage>;

export const auditQuery = defineQuery({
  user: optionalStringParam('Only entries of this user.'),
  project: optionalStringParam('Only entries about this project.'),
  action: optionalStringParam('Only entries of this action.'),
  from: optionalIntParam({ max: Number.MAX_SAFE_INTEGER, description: 'Only entries at or after this time (epoch ms).' }),
  to: optionalIntParam({ max: Number.MAX_SAFE_INTEGER, description: 'Only entries at or before this time (epoch ms).' }),
  offset: intParam({ default: 0, description: 'Entries to skip (newest first).' }),
  limit: intParam({ default: 100, min: 1, max: 1000, description: 'Page size.' }),
});
export type AuditQuery = QueryOf<typeof auditQuery>;
export type AuditQueryInput = QueryInputOf<typeof auditQuery>;
