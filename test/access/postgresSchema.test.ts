/**
 * The index database (listing, users, projects, members, sessions, tokens, audit) is kept to SQL that
 * PostgreSQL also runs, so several console replicas can later share one PostgreSQL. This proves it on a real
 * PostgreSQL (15, as Debian 12 ships it). A throwaway cluster gets the schema from the very constants the
 * server runs; then every statement the real server and the account commands prepared on their index during
 * a realistic run (test/access/indexSqlRun.ts) is PREPAREd (parsed and type-checked against the schema,
 * without running); the run's own rows are stored through the server's INSERT/UPDATE statements and read back
 * through its SELECTs, every column compared with what SQLite holds; and the server's updates and deletes run
 * with the same values on both, which must then hold the same rows.
 * Skipped, saying how to install it, when no PostgreSQL binaries exist; SPARK_ORACLE_REQUIRED=1 makes that a
 * failure.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_SCHEMA } from '../../src/server/store/accessDb.js';
import { LOG_INDEX_SCHEMA } from '../../src/server/store/indexDb.js';
import { POSTGRES_INSTALL_HINT, type PostgresCluster, findPostgresBinaries, startPostgresCluster } from '../support/postgresCluster.js';
import { type IndexSqlRun, recordIndexSqlRun } from './indexSqlRun.js';
import { sqlLiteral, toPostgres } from './postgresStatement.js';

const binaries = findPostgresBinaries();
const skip = binaries === undefined && process.env.SPARK_ORACLE_REQUIRED !== '1';

type Row = Record<string, unknown>;

/** Rows as PostgreSQL printed them (psql unaligned, unit-separated, NULL as \N), every value as text. */
function parsePsqlRows(stdout: string): Record<string, string | null>[] {
  const lines = stdout.split('\n').filter((l) => l.length > 0);
  if (lines.length === 0) return [];
  const header = lines[0]!.split('\x1f');
  return lines.slice(1).map((line) => {
    const cells = line.split('\x1f');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] === '\\N' ? null : cells[i]!]));
  });
}

/** The statement's parameter values, in order, from `row`: by parameter name, else by the column it stands for. */
function argumentsFor(sql: string, row: Row): unknown[] {
  return toPostgres(sql).params.map((p) => {
    const value = p.key in row ? row[p.key] : row[p.column ?? p.key];
    if (value === undefined) throw new Error(`no value for ${p.key} (${p.column}) of: ${sql}`);
    return value;
  });
}

/** Runs `sql` on SQLite with the same values `execute` binds on PostgreSQL. */
function runOnSqlite(db: Database.Database, sql: string, row: Row): void {
  const { params } = toPostgres(sql);
  const values = argumentsFor(sql, row);
  const statement = db.prepare(sql);
  if (params.every((p) => p.key.startsWith('?'))) statement.run(...values);
  else statement.run(Object.fromEntries(params.map((p, i) => [p.key, values[i]])));
}

/** A SQLite row with every value as text, as PostgreSQL prints it. */
const asText = (row: Row): Record<string, string | null> =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : String(v as string | number)]));

describe.skipIf(skip)(`the index database on a real PostgreSQL (${binaries?.version ?? 'missing'})`, () => {
  let pg: PostgresCluster;
  let run: IndexSqlRun;
  let sqlite: Database.Database;
  /** Distinct texts the server prepared on the index database. */
  let prepared: string[];
  /** Distinct texts it executed as scripts (the schema). */
  let scripts: string[];

  beforeAll(async () => {
    expect(binaries, `${POSTGRES_INSTALL_HINT} (SPARK_ORACLE_REQUIRED=1 requires them)`).toBeDefined();
    // Both at once; whichever started is stopped by afterAll even when the other failed.
    const [recording, cluster] = await Promise.allSettled([recordIndexSqlRun(), startPostgresCluster(binaries!)]);
    if (recording.status === 'fulfilled') run = recording.value;
    if (cluster.status === 'fulfilled') pg = cluster.value;
    for (const started of [recording, cluster]) if (started.status === 'rejected') throw started.reason;
    prepared = [...new Set(run.recorded.filter((r) => r.kind === 'prepare').map((r) => r.sql))];
    scripts = [...new Set(run.recorded.filter((r) => r.kind === 'exec').map((r) => r.sql))];
    sqlite = new Database(run.indexFile, { readonly: true });
    for (const schema of [LOG_INDEX_SCHEMA, ACCESS_SCHEMA]) {
      const created = await pg.psql([schema]);
      if (!created.ok) throw new Error(`PostgreSQL rejected the schema:\n${created.error}\n${schema}`);
    }
    console.log(
      `index database: ${run.recorded.length} SQL texts recorded, ${prepared.length} distinct prepared statements, ` +
        `${scripts.length} distinct scripts; checked on ${binaries!.version}`,
    );
  }, 240_000);

  afterAll(async () => {
    sqlite?.close();
    await pg?.stop();
    run?.cleanup();
  });

  /** PREPAREs `sql` (translated) and runs EXECUTE with each row of values; what a single EXECUTE read. */
  async function execute(sql: string, bindings: Row[]): Promise<Record<string, string | null>[]> {
    const statement = toPostgres(sql);
    const commands = [`PREPARE s AS ${statement.text}`];
    for (const row of bindings) {
      const args = argumentsFor(sql, row).map(sqlLiteral);
      commands.push(args.length === 0 ? 'EXECUTE s' : `EXECUTE s(${args.join(', ')})`);
    }
    const result = await pg.psql(commands);
    if (!result.ok) throw new Error(`PostgreSQL rejected\n  ${sql.trim()}\nwith: ${result.error}`);
    return parsePsqlRows(result.stdout);
  }

  const statementStarting = (pattern: RegExp) => {
    const found = prepared.filter((s) => pattern.test(s.trim()));
    if (found.length !== 1) throw new Error(`expected one recorded statement matching ${pattern}, found ${found.length}`);
    return found[0]!;
  };

  it('the run went through every part of the index database', () => {
    // Static statements of both stores, and the audit queries built per filter.
    for (const table of ['logs', 'users', 'projects', 'members', 'sessions', 'tokens', 'audit']) {
      expect(prepared.some((s) => new RegExp(`INSERT INTO ${table}\\b`).test(s)), `an INSERT INTO ${table}`).toBe(true);
    }
    for (const filter of ['user_name = @user', 'project = @project', 'action = @action', 'at >= @from', 'at <= @to']) {
      expect(prepared.some((s) => s.startsWith('SELECT * FROM audit') && s.includes(filter)), `an audit query filtering ${filter}`).toBe(true);
    }
    expect(prepared.some((s) => /^SELECT \* FROM audit\s+ORDER BY/.test(s)), 'the unfiltered audit query').toBe(true);
    expect(prepared.length).toBeGreaterThanOrEqual(45);
  });

  it('its only SQLite-specific texts are the connection pragmas', () => {
    // Pragmas have no SQL counterpart to check: journal_mode, synchronous and busy_timeout tune the SQLite
    // connection (PostgreSQL has its own settings), user_version marks the store version that decides whether
    // the logs table is rebuilt. Any other pragma is named here, to be ported or kept off the index.
    const names = new Set(run.recorded.filter((r) => r.kind === 'pragma').map((r) => /^\s*(\w+)/.exec(r.sql)?.[1]));
    expect([...names].sort()).toEqual(['busy_timeout', 'journal_mode', 'synchronous', 'user_version']);
  });

  it('the server runs the schema from those constants, and running it again at a restart changes nothing', async () => {
    const stale = 'the built server (dist/) runs another schema than src/: run `npm run build:server`';
    expect(scripts, stale).toContain(LOG_INDEX_SCHEMA);
    expect(scripts, stale).toContain(ACCESS_SCHEMA);
    for (const script of scripts) {
      const result = await pg.psql([script]);
      expect(result.error, `PostgreSQL rejected\n${script}`).toBe('');
    }
  });

  it('parses and type-checks every statement the server prepared on the index database', async () => {
    const rejected: string[] = [];
    for (const sql of prepared) {
      const result = await pg.psql([`PREPARE s AS ${toPostgres(sql).text}`]);
      if (!result.ok) rejected.push(`${result.error}\n  in: ${sql.trim().replace(/\s+/g, ' ')}`);
    }
    expect(rejected, `PostgreSQL rejected ${rejected.length} of ${prepared.length} statements`).toEqual([]);
  });

  it("stores the run's rows with the server's statements and reads back the same values", async () => {
    // Log rows: the scan's upsert, then the replay's summary; read back by key.
    const logs = sqlite.prepare(`SELECT * FROM logs WHERE state = 'ready' ORDER BY key`).all() as Row[];
    expect(logs.length).toBeGreaterThan(10);
    await execute(statementStarting(/^INSERT INTO logs\b/), logs);
    await execute(statementStarting(/^UPDATE logs SET state = 'ready'/), logs);
    const getLog = statementStarting(/^SELECT \* FROM logs WHERE key = \?$/);
    for (const row of logs) expect(await execute(getLog, [row]), `log ${String(row.key)}`).toEqual([asText(row)]);

    // Users, projects, members: written with the server's inserts, read with its listing queries.
    const tables: [table: string, insert: RegExp, select: RegExp, order: string][] = [
      ['users', /^INSERT INTO users\b/, /^SELECT \* FROM users ORDER BY name$/, 'name'],
      ['projects', /^INSERT INTO projects\b/, /^SELECT \* FROM projects ORDER BY name$/, 'name'],
      ['members', /^INSERT INTO members\b/, /^SELECT \* FROM members ORDER BY project, user_name$/, 'project, user_name'],
      ['audit', /^INSERT INTO audit\b/, /^SELECT \* FROM audit\s+ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset$/, 'at DESC, id DESC'],
    ];
    for (const [table, insert, select, order] of tables) {
      const rows = sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all() as Row[];
      expect(rows.length, table).toBeGreaterThan(0);
      await execute(statementStarting(insert), rows);
      expect(await execute(statementStarting(select), [{ limit: 1000, offset: 0 }]), table).toEqual(rows.map(asText));
    }

    // Sessions and tokens: read back by their key, as sign-in and Bearer callers look them up.
    const sessions = sqlite.prepare('SELECT * FROM sessions').all() as Row[];
    const tokens = sqlite.prepare('SELECT * FROM tokens').all() as Row[];
    expect(sessions.length).toBeGreaterThan(0);
    expect(tokens.filter((t) => t.revoked_at !== null && t.last_used_at !== null).length, 'a used, revoked token').toBeGreaterThan(0);
    await execute(statementStarting(/^INSERT INTO sessions\b/), sessions);
    await execute(statementStarting(/^INSERT INTO tokens\b/), tokens);
    // The insert leaves use and revocation empty; the server's own updates set them.
    await execute(statementStarting(/^UPDATE tokens SET last_used_at = \?/), tokens.filter((t) => t.last_used_at !== null));
    await execute(statementStarting(/^UPDATE tokens SET revoked_at = \?/), tokens.filter((t) => t.revoked_at !== null));
    for (const row of sessions) expect(await execute(statementStarting(/^SELECT \* FROM sessions WHERE id_hash = \?$/), [row])).toEqual([asText(row)]);
    for (const row of tokens) expect(await execute(statementStarting(/^SELECT \* FROM tokens WHERE secret_hash = \?$/), [row])).toEqual([asText(row)]);

    // The audit page's count with every filter agrees with SQLite's.
    const filtered = statementStarting(/^SELECT COUNT\(\*\) AS n FROM audit WHERE user_name = @user AND project = @project AND action = @action AND at >= @from AND at <= @to$/);
    const download = sqlite.prepare(`SELECT * FROM audit WHERE action = 'logDownload'`).get() as Row;
    const probe = { user: download.user_name, project: download.project, action: 'logDownload', from: 0, to: Number.MAX_SAFE_INTEGER };
    const expected = sqlite.prepare(filtered).get(probe) as { n: number };
    expect(expected.n).toBeGreaterThan(0);
    expect(await execute(filtered, [probe])).toEqual([{ n: String(expected.n) }]);
  });

  it('changes the stored rows the same way on both, with the same texts and values', async () => {
    // Starts from what the previous test stored in PostgreSQL: the run's rows (its ready logs).
    const mirrorFile = path.join(path.dirname(run.indexFile), 'mirror.db');
    await sqlite.backup(mirrorFile);
    const mirror = new Database(mirrorFile);
    try {
      mirror.exec(`DELETE FROM logs WHERE state <> 'ready'`);
      const keys = (mirror.prepare('SELECT key FROM logs ORDER BY key').all() as { key: string }[]).map((r) => r.key);
      const session = mirror.prepare('SELECT * FROM sessions ORDER BY id_hash').get() as Row;
      const token = mirror.prepare('SELECT * FROM tokens WHERE revoked_at IS NULL ORDER BY id').get() as Row;
      const member = mirror.prepare('SELECT * FROM members ORDER BY project, user_name').all() as Row[];
      const [failedKey, lostKey, renamedFrom, removedKey] = keys;
      const changes: [statement: RegExp, values: Row][] = [
        [/^UPDATE logs SET state = 'error'/, { error: 'corrupt block at 1024', parsed_size: 4_294_967_296, parsed_mtime: 1772285279224.5, parsed_files: 3, key: failedKey }],
        [/^UPDATE logs SET state = 'pending', db_file = NULL/, { key: lostKey }],
        [
          /^UPDATE logs SET app_id = @appId/,
          { key: lostKey, appId: 'app-1', attemptId: null, name: 'peeked', sparkUser: 'bob', startTime: 1772285279224, endTime: -1, completed: 0, sparkVersion: '3.5.1', lastUpdated: 1772285279999 },
        ],
        [/^UPDATE logs SET state = o\.state/, { from: renamedFrom, to: lostKey }],
        [/^DELETE FROM logs WHERE key = \?$/, { key: removedKey }],
        [/^UPDATE users SET display_name/, { name: 'bob', displayName: 'Robert', email: null, admin: 1 }],
        [/^UPDATE users SET password_hash/, { name: 'carol', password_hash: 'scrypt$32768$8$1$c2FsdA$aGFzaA' }],
        [/^INSERT INTO members\b/, { ...member[0]!, role: 'owner' }],
        [/^DELETE FROM members\b/, member[1]!],
        [/^UPDATE sessions SET last_seen/, { ...session, last_seen: Number(session.last_seen) + 1 }],
        [/^DELETE FROM sessions WHERE created_at < \? OR last_seen < \?$/, { created_at: 0, last_seen: Number(session.last_seen) + 1 }],
        [/^UPDATE tokens SET revoked_at = \?/, { ...token, revoked_at: 1772285280000 }],
      ];
      for (const [pattern, values] of changes) {
        const sql = statementStarting(pattern);
        runOnSqlite(mirror, sql, values);
        await execute(sql, [values]);
      }
      const orders = { logs: 'key', users: 'name', projects: 'name', members: 'project, user_name', sessions: 'id_hash', tokens: 'id', audit: 'id' };
      for (const [table, order] of Object.entries(orders)) {
        const query = `SELECT * FROM ${table} ORDER BY ${order}`;
        const expected = (mirror.prepare(query).all() as Row[]).map(asText);
        const result = await pg.psql([query]);
        expect(result.error, query).toBe('');
        expect(parsePsqlRows(result.stdout), table).toEqual(expected);
      }
    } finally {
      mirror.close();
    }
  });
});

if (skip) {
  describe('the index database on a real PostgreSQL', () => {
    it.skip(`skipped: ${POSTGRES_INSTALL_HINT}`, () => {});
  });
}
