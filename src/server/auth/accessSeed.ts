import type { ConsoleConfigFile } from '../consoleConfigFile.js';
import type { AccessDb } from '../store/accessDb.js';
import { generatePassword, hashPassword } from './passwords.js';

/**
 * Brings the access tables in line with the config file: declared users and projects are created or
 * updated, declared memberships set (changes made in the console to other memberships are kept). When the
 * console has no administrator (a first start, or only users added without `--admin`), creates one (password
 * from SPARK_CONSOLE_ADMIN_PASSWORD, or generated and returned, to be shown once), so nobody is locked out of
 * the users and members pages; `env` undefined skips that (`--auth none`, the command line).
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
  const users = db.users();
  if (env === undefined || users.some((u) => u.admin)) return undefined;
  // `admin`, or the first free `admin-N` when a user without the flag already has that name.
  const taken = new Set(users.map((u) => u.name));
  let name = 'admin';
  for (let n = 2; taken.has(name); n++) name = `admin-${n}`;
  const given = env.SPARK_CONSOLE_ADMIN_PASSWORD;
  const password = given && given.length > 0 ? given : generatePassword();
  db.insertUser({ name, displayName: 'Administrator', email: null, passwordHash: await hashPassword(password), admin: true, createdAt: now });
  return { name, password, generated: !given };
}
