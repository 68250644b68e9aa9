import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { accountsCommand } from '../../src/server/accountsCli.js';
import { verifyPassword } from '../../src/server/auth/passwords.js';

/* `spark-console users add|passwd|list` on a data directory, in process (the password comes from SPARK_CONSOLE_PASSWORD). */

describe('spark-console users', () => {
  let dataDir: string;
  const run = async (args: string[], password?: string): Promise<string> => {
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    vi.stubEnv('SPARK_CONSOLE_PASSWORD', password ?? '');
    try {
      await accountsCommand('users', [...args, '--data-dir', dataDir]);
    } finally {
      write.mockRestore();
      vi.unstubAllEnvs();
    }
    return out.join('');
  };
  const withDb = <T>(f: (db: Database.Database) => T): T => {
    const db = new Database(path.join(dataDir, 'index.db'));
    try {
      return f(db);
    } finally {
      db.close();
    }
  };

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-users-cli-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());

  it('adds users and lists them, administrators marked', async () => {
    expect(await run(['add', 'carl', '--admin', '--display-name', 'Carl Jung'], 'carl-first-pass')).toBe('added carl\n');
    expect(await run(['add', 'dora'], 'dora-first-pass')).toBe('added dora\n');
    expect(await run(['list'])).toBe('carl\tCarl Jung\tadmin\ndora\tdora\n');
    await expect(run(['add', 'carl'], 'another-pass')).rejects.toThrow('user exists: carl');
    await expect(run(['add', 'bad name'], 'another-pass')).rejects.toThrow(/^bad user name bad name: /);
    await expect(run(['add', 'erin'], 'short')).rejects.toThrow('the password needs at least 8 characters');
  });

  it('passwd sets a new password and ends the sessions of that user only', async () => {
    withDb((db) => {
      const insert = db.prepare('INSERT INTO sessions (id_hash, user_name, csrf, created_at, last_seen) VALUES (?, ?, ?, ?, ?)');
      insert.run('carl-1', 'carl', 'x', Date.now(), Date.now());
      insert.run('carl-2', 'carl', 'x', Date.now(), Date.now());
      insert.run('dora-1', 'dora', 'x', Date.now(), Date.now());
    });
    expect(await run(['passwd', 'carl'], 'carl-second-pass')).toBe('changed the password of carl\n');
    const { hash, sessions, audit } = withDb((db) => ({
      hash: (db.prepare('SELECT password_hash AS h FROM users WHERE name = ?').get('carl') as { h: string }).h,
      sessions: (db.prepare('SELECT id_hash AS id FROM sessions ORDER BY id_hash').all() as { id: string }[]).map((r) => r.id),
      audit: db.prepare("SELECT user_name AS user, target, detail FROM audit WHERE action = 'passwordChanged'").all(),
    }));
    expect(await verifyPassword('carl-second-pass', hash)).toBe(true);
    expect(await verifyPassword('carl-first-pass', hash)).toBe(false);
    expect(sessions).toEqual(['dora-1']);
    expect(audit).toEqual([{ user: 'carl', target: 'carl', detail: 'command line, ended 2 sessions' }]);
    await expect(run(['passwd', 'nobody'], 'long-enough-pass')).rejects.toThrow('unknown user: nobody');
  });
});
