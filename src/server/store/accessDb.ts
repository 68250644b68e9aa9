import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ProjectRole } from '../../api/access.js';
import type { AuditAction, AuditEntry, AuditQuery } from '../../api/console/audit.js';

/*
 * Projects, people, sessions, tokens and the audit log, in the index database. The SQL is kept to what
 * PostgreSQL also runs (TEXT, BIGINT, INTEGER; no AUTOINCREMENT, no SQLite-only functions), so several
 * console replicas can later share one PostgreSQL; test/access/postgresSchema.test.ts checks it on a real one.
 * These tables survive store-version changes: only the `logs` table is ever rebuilt.
 */

/** The access tables, as the server creates them (test/access/postgresSchema.test.ts also runs them on PostgreSQL). */
export const ACCESS_SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  name TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  email TEXT,
  password_hash TEXT,
  admin INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS projects (
  name TEXT PRIMARY KEY,
  description TEXT NOT NULL DEFAULT '',
  owner TEXT,
  region TEXT,
  quota_group TEXT
);
CREATE TABLE IF NOT EXISTS members (
  project TEXT NOT NULL,
  user_name TEXT NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (project, user_name)
);
CREATE INDEX IF NOT EXISTS members_by_user ON members (user_name);
CREATE TABLE IF NOT EXISTS sessions (
  id_hash TEXT PRIMARY KEY,
  user_name TEXT NOT NULL,
  csrf TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (user_name);
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY,
  user_name TEXT NOT NULL,
  name TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT
);
CREATE INDEX IF NOT EXISTS tokens_by_user ON tokens (user_name);
CREATE INDEX IF NOT EXISTS tokens_by_time ON tokens (created_at);
CREATE TABLE IF NOT EXISTS audit (
  id TEXT PRIMARY KEY,
  at BIGINT NOT NULL,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  project TEXT,
  target TEXT,
  address TEXT,
  detail TEXT
);
CREATE INDEX IF NOT EXISTS audit_by_time ON audit (at);
CREATE INDEX IF NOT EXISTS audit_by_user ON audit (user_name, at);
CREATE INDEX IF NOT EXISTS audit_by_project ON audit (project, at);
`;

export interface UserRow {
  name: string;
  displayName: string;
  email: string | null;
  passwordHash: string | null;
  admin: boolean;
  createdAt: number;
}

export interface ProjectRow {
  name: string;
  description: string;
  owner: string | null;
  region: string | null;
  quotaGroup: string | null;
}

export interface MemberRow {
  project: string;
  user: string;
  role: ProjectRole;
}

export interface SessionRow {
  idHash: string;
  user: string;
  csrf: string;
  createdAt: number;
  lastSeen: number;
}

export interface TokenRow {
  id: string;
  user: string;
  name: string;
  secretHash: string;
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { action: AuditAction; at?: number };

const toUser = (r: any): UserRow => ({
  name: r.name,
  displayName: r.display_name,
  email: r.email,
  passwordHash: r.password_hash,
  admin: r.admin === 1,
  createdAt: Number(r.created_at),
});
const toProject = (r: any): ProjectRow => ({ name: r.name, description: r.description, owner: r.owner, region: r.region, quotaGroup: r.quota_group });
const toToken = (r: any): TokenRow => ({
  id: r.id,
  user: r.user_name,
  name: r.name,
  secretHash: r.secret_hash,
  createdAt: Number(r.created_at),
  expiresAt: Number(r.expires_at),
  lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
  revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
});
const toAudit = (r: any): AuditEntry => ({
  id: r.id,
  at: Number(r.at),
  user: r.user_name,
  action: r.action,
  project: r.project,
  target: r.target,
  address: r.address,
  detail: r.detail,
});

export class AccessDb {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    db.exec(ACCESS_SCHEMA);
    this.s = {
      users: db.prepare('SELECT * FROM users ORDER BY name'),
      user: db.prepare('SELECT * FROM users WHERE name = ?'),
      insertUser: db.prepare(
        'INSERT INTO users (name, display_name, email, password_hash, admin, created_at) VALUES (@name, @displayName, @email, @passwordHash, @admin, @createdAt)',
      ),
      updateUser: db.prepare('UPDATE users SET display_name = @displayName, email = @email, admin = @admin WHERE name = @name'),
      setPassword: db.prepare('UPDATE users SET password_hash = ? WHERE name = ?'),
      grantAdmin: db.prepare('UPDATE users SET admin = 1 WHERE name = ?'),
      // The last-administrator check is made again in the statement itself, against the table as it is then,
      // not the in-memory directory (another process, such as the command line, may have changed it).
      revokeAdmin: db.prepare('UPDATE users SET admin = 0 WHERE name = @name AND (SELECT COUNT(*) FROM users WHERE admin = 1 AND name <> @name) > 0'),
      projects: db.prepare('SELECT * FROM projects ORDER BY name'),
      upsertProject: db.prepare(`
        INSERT INTO projects (name, description, owner, region, quota_group) VALUES (@name, @description, @owner, @region, @quotaGroup)
        ON CONFLICT (name) DO UPDATE SET description = excluded.description, owner = excluded.owner, region = excluded.region,
          quota_group = excluded.quota_group`),
      members: db.prepare('SELECT * FROM members ORDER BY project, user_name'),
      setMember: db.prepare(`
        INSERT INTO members (project, user_name, role) VALUES (?, ?, ?)
        ON CONFLICT (project, user_name) DO UPDATE SET role = excluded.role`),
      removeMember: db.prepare('DELETE FROM members WHERE project = ? AND user_name = ?'),
      insertSession: db.prepare('INSERT INTO sessions (id_hash, user_name, csrf, created_at, last_seen) VALUES (?, ?, ?, ?, ?)'),
      session: db.prepare('SELECT * FROM sessions WHERE id_hash = ?'),
      touchSession: db.prepare('UPDATE sessions SET last_seen = ? WHERE id_hash = ?'),
      deleteSession: db.prepare('DELETE FROM sessions WHERE id_hash = ?'),
      deleteSessionsOf: db.prepare('DELETE FROM sessions WHERE user_name = ? AND id_hash <> ?'),
      expireSessions: db.prepare('DELETE FROM sessions WHERE created_at < ? OR last_seen < ?'),
      insertToken: db.prepare(
        'INSERT INTO tokens (id, user_name, name, secret_hash, created_at, expires_at) VALUES (@id, @user, @name, @secretHash, @createdAt, @expiresAt)',
      ),
      tokenBySecret: db.prepare('SELECT * FROM tokens WHERE secret_hash = ?'),
      token: db.prepare('SELECT * FROM tokens WHERE id = ?'),
      tokensOf: db.prepare('SELECT * FROM tokens WHERE user_name = ? ORDER BY created_at DESC'),
      tokenPage: db.prepare('SELECT * FROM tokens ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?'),
      tokenCount: db.prepare('SELECT COUNT(*) AS n FROM tokens'),
      userTokenPage: db.prepare('SELECT * FROM tokens WHERE user_name = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?'),
      userTokenCount: db.prepare('SELECT COUNT(*) AS n FROM tokens WHERE user_name = ?'),
      touchToken: db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ?'),
      revokeToken: db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      insertAudit: db.prepare(
        'INSERT INTO audit (id, at, user_name, action, project, target, address, detail) VALUES (@id, @at, @user, @action, @project, @target, @address, @detail)',
      ),
    };
  }

  users(): UserRow[] {
    return this.s.users.all().map(toUser);
  }

  user(name: string): UserRow | undefined {
    const r = this.s.user.get(name);
    return r ? toUser(r) : undefined;
  }

  insertUser(u: UserRow): void {
    this.s.insertUser.run({ ...u, admin: u.admin ? 1 : 0 });
  }

  updateUser(u: Pick<UserRow, 'name' | 'displayName' | 'email' | 'admin'>): void {
    this.s.updateUser.run({ ...u, admin: u.admin ? 1 : 0 });
  }

  setPassword(name: string, passwordHash: string): void {
    this.s.setPassword.run(passwordHash, name);
  }

  grantAdmin(name: string): void {
    this.s.grantAdmin.run(name);
  }

  /** Removes the console-administrator flag unless `name` is the last administrator; false when refused. */
  revokeAdmin(name: string): boolean {
    return this.s.revokeAdmin.run({ name }).changes > 0;
  }

  projects(): ProjectRow[] {
    return this.s.projects.all().map(toProject);
  }

  upsertProject(p: ProjectRow): void {
    this.s.upsertProject.run(p);
  }

  members(): MemberRow[] {
    return (this.s.members.all() as any[]).map((r) => ({ project: r.project, user: r.user_name, role: r.role }));
  }

  setMember(project: string, user: string, role: ProjectRole): void {
    this.s.setMember.run(project, user, role);
  }

  removeMember(project: string, user: string): boolean {
    return this.s.removeMember.run(project, user).changes > 0;
  }

  insertSession(s: SessionRow): void {
    this.s.insertSession.run(s.idHash, s.user, s.csrf, s.createdAt, s.lastSeen);
  }

  session(idHash: string): SessionRow | undefined {
    const r = this.s.session.get(idHash) as any;
    return r ? { idHash: r.id_hash, user: r.user_name, csrf: r.csrf, createdAt: Number(r.created_at), lastSeen: Number(r.last_seen) } : undefined;
  }

  touchSession(idHash: string, at: number): void {
    this.s.touchSession.run(at, idHash);
  }

  deleteSession(idHash: string): void {
    this.s.deleteSession.run(idHash);
  }

  /** Ends every session of `user` but the one whose hash is `exceptIdHash` (the caller's own); how many ended. */
  deleteSessionsOf(user: string, exceptIdHash = ''): number {
    return this.s.deleteSessionsOf.run(user, exceptIdHash).changes;
  }

  /** Drops sessions created before `createdBefore` or idle since before `idleBefore`. */
  expireSessions(createdBefore: number, idleBefore: number): void {
    this.s.expireSessions.run(createdBefore, idleBefore);
  }

  insertToken(t: Omit<TokenRow, 'lastUsedAt' | 'revokedAt'>): void {
    this.s.insertToken.run(t);
  }

  tokenBySecretHash(secretHash: string): TokenRow | undefined {
    const r = this.s.tokenBySecret.get(secretHash);
    return r ? toToken(r) : undefined;
  }

  token(id: string): TokenRow | undefined {
    const r = this.s.token.get(id);
    return r ? toToken(r) : undefined;
  }

  tokensOf(user: string): TokenRow[] {
    return this.s.tokensOf.all(user).map(toToken);
  }

  /** One page of every token (or one user's), newest first, with the count of all that match. */
  tokenPage(q: { user?: string | undefined; offset: number; limit: number }): { total: number; tokens: TokenRow[] } {
    const [rows, count] =
      q.user === undefined
        ? [this.s.tokenPage.all(q.limit, q.offset), this.s.tokenCount.get()]
        : [this.s.userTokenPage.all(q.user, q.limit, q.offset), this.s.userTokenCount.get(q.user)];
    return { total: Number((count as { n: number }).n), tokens: rows.map(toToken) };
  }

  touchToken(id: string, at: number): void {
    this.s.touchToken.run(at, id);
  }

  revokeToken(id: string, at: number): boolean {
    return this.s.revokeToken.run(at, id).changes > 0;
  }

  /** Appends one audit row; there is no statement that changes or deletes one. */
  audit(e: NewAuditEntry): void {
    this.s.insertAudit.run({
      id: crypto.randomUUID(),
      at: e.at ?? Date.now(),
      user: e.user,
      action: e.action,
      project: e.project,
      target: e.target,
      address: e.address,
      detail: e.detail,
    });
  }

  queryAudit(q: AuditQuery): { total: number; entries: AuditEntry[] } {
    const filters: [condition: string, name: string, value: unknown][] = [
      ['user_name = @user', 'user', q.user],
      ['project = @project', 'project', q.project],
      ['action = @action', 'action', q.action],
      ['at >= @from', 'from', q.from],
      ['at <= @to', 'to', q.to],
    ];
    const active = filters.filter(([, , value]) => value !== undefined);
    const where = active.map(([condition]) => condition);
    const args: Record<string, unknown> = Object.fromEntries(active.map(([, name, value]) => [name, value]));
    const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM audit ${clause}`).get(args) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT * FROM audit ${clause} ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...args, limit: q.limit, offset: q.offset });
    return { total, entries: rows.map(toAudit) };
  }
}
