import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { UserName } from '../api/console/accounts.js';
import { ApiTokens } from './auth/apiTokens.js';
import { seedAccess } from './auth/accessSeed.js';
import { hashPassword } from './auth/passwords.js';
import { defaultDataDir } from './config.js';
import { ConsoleConfigFile, loadConsoleConfig } from './consoleConfigFile.js';
import { AccessDb } from './store/accessDb.js';

/** A password from SPARK_CONSOLE_PASSWORD, or typed at the terminal (not echoed by a pipe). */
async function readPassword(prompt: string): Promise<string> {
  const fromEnv = process.env.SPARK_CONSOLE_PASSWORD;
  if (fromEnv) return fromEnv;
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  process.stderr.write(prompt);
  const line = await rl.question('');
  rl.close();
  return line.trim();
}

/** `spark-console users …` and `spark-console tokens create …`, on the same index database as `serve`. */
export async function accountsCommand(command: 'users' | 'tokens', argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      config: { type: 'string' },
      admin: { type: 'boolean', default: false },
      'display-name': { type: 'string' },
      user: { type: 'string' },
      name: { type: 'string', default: 'cli' },
      days: { type: 'string', default: '90' },
    },
  });
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'index.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  try {
    const access = new AccessDb(db);
    await seedAccess(access, values.config ? loadConsoleConfig(values.config) : ConsoleConfigFile.parse({}), undefined);
    const [verb, name] = positionals;
    if (command === 'tokens') {
      if (verb !== 'create' || !values.user) throw new Error('usage: spark-console tokens create --user NAME [--name TEXT] [--days 90]');
      if (!access.user(values.user)) throw new Error(`unknown user: ${values.user}`);
      const days = Number(values.days);
      if (!Number.isInteger(days) || days < 1 || days > 365) throw new Error('--days must be 1..365');
      const { token, row } = new ApiTokens(access).create(values.user, values.name!, days);
      access.audit({ user: values.user, action: 'tokenCreated', project: null, target: row.id, address: null, detail: `${row.name}, ${days} days, command line` });
      process.stdout.write(`${token}\n`);
      return;
    }
    if (verb === 'list') {
      for (const u of access.users()) process.stdout.write(`${u.name}\t${u.displayName}${u.admin ? '\tadmin' : ''}\n`);
      return;
    }
    if ((verb === 'add' || verb === 'passwd') && name) {
      const checked = UserName.safeParse(name);
      if (!checked.success) throw new Error(`bad user name ${name}: ${checked.error.issues[0]!.message}`);
      const existing = access.user(name);
      if (verb === 'add' && existing) throw new Error(`user exists: ${name}`);
      if (verb === 'passwd' && !existing) throw new Error(`unknown user: ${name}`);
      const password = await readPassword(`Password for ${name}: `);
      if (password.length < 8) throw new Error('the password needs at least 8 characters');
      const hash = await hashPassword(password);
      if (verb === 'add') {
        access.insertUser({ name, displayName: values['display-name'] ?? name, email: null, passwordHash: hash, admin: values.admin!, createdAt: Date.now() });
        access.audit({ user: name, action: 'userCreated', project: null, target: name, address: null, detail: 'command line' });
      } else {
        access.setPassword(name, hash);
        // As in the console: whoever knew the old password may hold a session (a running server sees the
        // new hash at its next directory reload, within seconds; sessions are looked up in the table).
        const ended = access.deleteSessionsOf(name);
        access.audit({ user: name, action: 'passwordChanged', project: null, target: name, address: null, detail: `command line, ended ${ended} session${ended === 1 ? '' : 's'}` });
      }
      process.stdout.write(`${verb === 'add' ? 'added' : 'changed the password of'} ${name}\n`);
      return;
    }
    throw new Error('usage: spark-console users add NAME [--admin] | passwd NAME | list');
  } finally {
    db.close();
  }
}
