import type { ConsoleConfigFile } from '../consoleConfigFile.js';
import type { AccessDb } from '../store/accessDb.js';
import { generatePassword, hashPassword } from './passwords.js';

/**
 * Brings the access tables in line with the config file: declared users and projects are created or
 * updated, declared memberships set (changes made in the console to other memberships are kept). When the
 * console has no user at all, creates the administrator (password from SPARK_CONSOLE_ADMIN_PASSWORD, or
 * generated and returned, to be shown once); `env` undefined skips that (`--auth none`).
 */
// `env` has no default: a default would turn the callers' explicit `undefined` into process.env.
export async function seedAccess(db: AccessDb, config: ConsoleConfigFile, env: NodeJS.ProcessEnv | undefined): Promise<{ name: string; password: string; generated: boolean } | undefined> {
  const now = Date.now();
  for (const u of config.users) {
    const passwordHash = u.passwordHash ?? (u.password !== undefined ? await hashPassword(u.password) : undefined);
    const existing = db.user(u.name);
    if (!existing) {
      db.insertUser({ name: u.name, displayName: u.displayName ?? u.name, email: u.email ?? null, passwordHash: passwordHash ?? null, admin: u.admin, createdAt: now });
    } else {
      db.updateUser({ name: u.name, displayName: u.displayName ?? existing.displayName, email: u.email ?? existing.email, admin: u.admin });
      if (passwordHash !== undefined) db.setPassword(u.name, passwordHash);
    }
  }
  for (const p of config.projects) {
    db.upsertProject({ name: p.name, description: p.description, owner: p.owner ?? null, region: p.region ?? null, quotaGroup: p.quotaGroup ?? null });
    for (const m of p.members) db.setMember(p.name, m.user, m.role);
  }
  if (env === undefined || db.users().length > 0) return undefined;
  const given = env.SPARK_CONSOLE_ADMIN_PASSWORD;
  const password = given && given.length > 0 ? given : generatePassword();
  db.insertUser({ name: 'admin', displayName: 'Administrator', email: null, passwordHash: await hashPassword(password), admin: true, createdAt: now });
  return { name: 'admin', password, generated: !given };
}
