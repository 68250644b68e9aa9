import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ProjectRole, UserName } from '../api/console/accounts.js';

/*
 * The `--config FILE` JSON: projects (with their event-log and app-log folders and members) and users.
 * `password` is for demos and tests and is hashed when loaded; `passwordHash` is the stored form.
 */

const ProjectDeclaration = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, 'a MaxCompute project name'),
  description: z.string().default(''),
  owner: z.string().optional(),
  region: z.string().optional(),
  quotaGroup: z.string().optional(),
  eventLogs: z.array(z.string()).default([]),
  appLogs: z.array(z.string()).default([]),
  members: z.array(z.strictObject({ user: UserName, role: ProjectRole })).default([]),
});

const UserDeclaration = z
  .strictObject({
    name: UserName,
    displayName: z.string().optional(),
    email: z.string().optional(),
    password: z.string().min(1).optional(),
    passwordHash: z.string().startsWith('scrypt$').optional(),
    admin: z.boolean().default(false),
  })
  .refine((u) => !(u.password !== undefined && u.passwordHash !== undefined), 'give password or passwordHash, not both');

const OidcDeclaration = z.strictObject({
  /** Shown on the sign-in button. */
  name: z.string().default('Single sign-on'),
  issuer: z.url(),
  clientId: z.string(),
  clientSecret: z.string(),
  /** The console's own URL as the provider redirects back to it, e.g. `https://console.example.com`. */
  publicUrl: z.url(),
  /** Users who sign in for the first time are created (without projects); otherwise they must exist. */
  createUsers: z.boolean().default(true),
});

export const ConsoleConfigFile = z.strictObject({
  projects: z.array(ProjectDeclaration).default([]),
  users: z.array(UserDeclaration).default([]),
  oidc: OidcDeclaration.optional(),
});
export type ConsoleConfigFile = z.infer<typeof ConsoleConfigFile>;
export type ProjectDeclaration = z.infer<typeof ProjectDeclaration>;
export type UserDeclaration = z.infer<typeof UserDeclaration>;
export type OidcDeclaration = z.infer<typeof OidcDeclaration>;

/** Reads and checks the file; folders are resolved against the file's own directory. */
export function loadConsoleConfig(file: string): ConsoleConfigFile {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`--config ${file}: ${(err as Error).message}`, { cause: err });
  }
  const parsed = ConsoleConfigFile.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new Error(`--config ${file}: ${first.path.join('.') || '(root)'}: ${first.message}`);
  }
  const base = path.dirname(path.resolve(file));
  const names = new Set<string>();
  for (const p of parsed.data.projects) {
    if (names.has(p.name)) throw new Error(`--config ${file}: project ${p.name} is declared twice`);
    names.add(p.name);
    p.eventLogs = p.eventLogs.map((d) => path.resolve(base, d));
    p.appLogs = p.appLogs.map((d) => path.resolve(base, d));
  }
  return parsed.data;
}
