import { z } from 'zod';
import { PROJECT_ROLES } from '../access.js';

/*
 * People: who is signed in, personal API tokens, and the console administrator's user list.
 */

export const ProjectRole = z.enum(PROJECT_ROLES);
export type ProjectRole = z.infer<typeof ProjectRole>;

/** Names users sign in with: also used in URLs and audit rows, so kept plain. */
export const UserName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, 'letters, digits and . _ @ - (at most 64)');

/** `POST /api/console/session`. */
export const SignInRequest = z.object({ user: z.string().min(1).max(256), password: z.string().min(1).max(1024) });
export type SignInRequest = z.infer<typeof SignInRequest>;

/** The signed-in user, as the UI needs them. */
export const SessionInfo = z.looseObject({
  user: z.looseObject({ name: z.string(), displayName: z.string(), admin: z.boolean() }),
  /** Send back as the `x-csrf-token` header on every state-changing call made with the session cookie. */
  csrfToken: z.string(),
  /** `none` when the server runs without sign-in (`--auth none`, loopback only). */
  authMode: z.enum(['password', 'none']),
  /** Epoch ms at which the session ends even if used (absolute expiry). */
  expiresAt: z.int(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** How a visitor may sign in (`GET /api/console/sign-in-options`, public). */
export const SignInOptions = z.looseObject({
  password: z.boolean(),
  /** Single sign-on through OpenID Connect, when configured: the link starts it. */
  oidc: z.looseObject({ name: z.string(), loginUrl: z.string() }).nullable(),
});
export type SignInOptions = z.infer<typeof SignInOptions>;

export const Ok = z.looseObject({ ok: z.literal(true) });

export const TokenInfo = z.looseObject({
  id: z.string(),
  user: z.string(),
  name: z.string(),
  createdAt: z.int(),
  expiresAt: z.int(),
  lastUsedAt: z.int().nullable(),
  revokedAt: z.int().nullable(),
});
export type TokenInfo = z.infer<typeof TokenInfo>;

export const TokenList = z.looseObject({ tokens: z.array(TokenInfo) });

/** `POST /api/console/tokens`. */
export const CreateTokenRequest = z.object({
  name: z.string().min(1).max(100),
  /** 1 to 365 days; default 90. */
  expiresInDays: z.int().min(1).max(365).default(90),
});
export type CreateTokenRequest = z.input<typeof CreateTokenRequest>;

/** The new token's secret is in this answer only; the server keeps a hash. */
export const CreatedToken = z.looseObject({ token: z.string(), info: TokenInfo });
export type CreatedToken = z.infer<typeof CreatedToken>;

export const UserInfo = z.looseObject({
  name: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  admin: z.boolean(),
  /** Whether the user can sign in with a password (single-sign-on users may have none). */
  hasPassword: z.boolean(),
  createdAt: z.int(),
  projects: z.array(z.looseObject({ project: z.string(), role: ProjectRole })),
});
export type UserInfo = z.infer<typeof UserInfo>;

export const UserList = z.looseObject({ users: z.array(UserInfo) });

/** `POST /api/console/admin/users` (console administrators). */
export const CreateUserRequest = z.object({
  name: UserName,
  displayName: z.string().max(200).optional(),
  email: z.string().max(320).optional(),
  password: z.string().min(8).max(1024),
  admin: z.boolean().default(false),
});
export type CreateUserRequest = z.input<typeof CreateUserRequest>;

/** `PUT /api/console/admin/users/{user}/admin` (console administrators). */
export const SetUserAdminRequest = z.object({ admin: z.boolean() });
export type SetUserAdminRequest = z.infer<typeof SetUserAdminRequest>;

/** `PUT /api/console/admin/users/{user}/password` (console administrators), as `spark-console users passwd`. */
export const SetPasswordRequest = z.object({ password: z.string().min(8).max(1024) });
export type SetPasswordRequest = z.infer<typeof SetPasswordRequest>;
