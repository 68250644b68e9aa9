import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/*
 * A throwaway PostgreSQL cluster for tests: initdb in a temporary folder, no TCP (listen_addresses=''), its
 * unix socket in that folder (so no port can clash with anything else on the machine), fsync off. initdb and
 * postgres refuse to run as root, so as root they run as the `postgres` system user (Debian's package creates
 * it; it is created here when missing).
 */

const run = promisify(execFile);

/** Where the server binaries are looked for: PG_BIN first, then Debian's versioned folders (15 first), then PATH. */
function candidateBinDirs(): string[] {
  const debian = '/usr/lib/postgresql';
  const versions = fs.existsSync(debian)
    ? fs
        .readdirSync(debian)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => (a === '15' ? -1 : b === '15' ? 1 : Number(b) - Number(a)))
    : [];
  const onPath = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return [process.env.PG_BIN, ...versions.map((v) => path.join(debian, v, 'bin')), '/usr/local/bin', ...onPath].filter(
    (d): d is string => typeof d === 'string' && d.length > 0,
  );
}

const isExecutable = (file: string) => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export interface PostgresBinaries {
  binDir: string;
  psql: string;
  /** `postgres --version`, e.g. "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)". */
  version: string;
}

/**
 * The first folder holding initdb, pg_ctl and postgres; undefined when none does. psql is taken from there or
 * from PATH (Debian's server package depends on its client, so a missing one is an error when it runs).
 */
export function findPostgresBinaries(): PostgresBinaries | undefined {
  for (const dir of candidateBinDirs()) {
    if (!['initdb', 'pg_ctl', 'postgres'].every((b) => isExecutable(path.join(dir, b)))) continue;
    const psql = [path.join(dir, 'psql'), '/usr/bin/psql'].find(isExecutable) ?? 'psql';
    const version = execFileSync(path.join(dir, 'postgres'), ['--version'], { encoding: 'utf8' }).trim();
    return { binDir: dir, psql, version };
  }
  return undefined;
}

export const POSTGRES_INSTALL_HINT =
  "PostgreSQL's server binaries (initdb, pg_ctl, postgres) were not found: install Debian's package with " +
  "'sudo apt-get install -y postgresql' (or point PG_BIN at a folder holding them)";

/** What one psql call printed, and whether PostgreSQL accepted every statement of it. */
export interface PsqlResult {
  ok: boolean;
  stdout: string;
  /** PostgreSQL's error text when `ok` is false. */
  error: string;
}

export interface PostgresCluster {
  binaries: PostgresBinaries;
  /** Runs each command in turn in one session (psql -c each) and stops at the first error. */
  psql(commands: string[]): Promise<PsqlResult>;
  /** Stops the server and removes the cluster's folder. */
  stop(): Promise<void>;
}

const SYSTEM_USER = 'postgres';

/** As root, the argv that runs `command` as the postgres user (created when missing); otherwise `command` itself. */
function asClusterOwner(command: string[]): string[] {
  if (process.getuid?.() !== 0) return command;
  try {
    execFileSync('id', ['-u', SYSTEM_USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SYSTEM_USER]);
  }
  return ['runuser', '-u', SYSTEM_USER, '--', ...command];
}

async function runAsOwner(command: string[]): Promise<void> {
  const [file, ...args] = asClusterOwner(command);
  await run(file!, args, { env: { ...process.env, LC_ALL: 'C' } });
}

/** Creates and starts a cluster in a new temporary folder; the caller stops it. */
export async function startPostgresCluster(binaries: PostgresBinaries): Promise<PostgresCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-pg-'));
  const dataDir = path.join(dir, 'data');
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', `${SYSTEM_USER}:`, dir]);
  const bin = (name: string) => path.join(binaries.binDir, name);
  const stop = async () => {
    if (fs.existsSync(path.join(dataDir, 'postmaster.pid'))) {
      await runAsOwner([bin('pg_ctl'), '-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await runAsOwner([bin('initdb'), '-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
    // pg_ctl hands -o to a shell: the temporary folder's name has no spaces or quotes.
    const options = `-c listen_addresses='' -c unix_socket_directories='${dir}' -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    await runAsOwner([bin('pg_ctl'), '-D', dataDir, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  } catch (err) {
    const log = fs.existsSync(path.join(dir, 'server.log')) ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8') : '';
    await stop();
    throw new Error(`could not start PostgreSQL: ${(err as Error).message}\n${log}`, { cause: err });
  }
  return {
    binaries,
    async psql(commands) {
      // Unaligned output, fields split by the unit separator, NULL as \N: values can be compared as text.
      const args = ['-X', '-q', '-h', dir, '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-A', '-F', '\x1f', '-P', 'footer=off', '-P', 'null=\\N'];
      try {
        const { stdout } = await run(binaries.psql, [...args, ...commands.flatMap((c) => ['-c', c])], { env: { ...process.env, LC_ALL: 'C', PGOPTIONS: '' }, maxBuffer: 64 << 20 });
        return { ok: true, stdout, error: '' };
      } catch (err) {
        const e = err as { stdout?: string; stderr?: string; message: string };
        return { ok: false, stdout: e.stdout ?? '', error: (e.stderr ?? e.message).trim() };
      }
    },
    stop,
  };
}
