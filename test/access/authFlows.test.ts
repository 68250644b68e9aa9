import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, type ServerHandle, basic, startServerProcess } from '../support/serverProcess.js';
import { ALPHA_APP, basicAuth, password, signIn, startAccessServer } from './accessFixture.js';

const json = (headers: Record<string, string> = {}) => ({ 'Content-Type': 'application/json', ...headers });

describe('sign-in, sessions and tokens', () => {
  let server: ServerHandle;
  const db = () => new Database(path.join(server.dataDir, 'index.db'));

  beforeAll(async () => {
    ({ server } = await startAccessServer());
  });
  afterAll(async () => server?.stop());

  it('sets an HttpOnly, SameSite=Strict session cookie, and stores neither the session id nor the password in clear', async () => {
    const res = await fetch(`${server.url}/api/console/session`, { method: 'POST', headers: json(), body: JSON.stringify({ user: 'adev', password: password('adev') }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('spark_console_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const id = cookie.split(';')[0]!.split('=')[1]!;
    const d = db();
    try {
      expect(d.prepare('SELECT COUNT(*) AS n FROM sessions WHERE id_hash = ?').get(id)).toEqual({ n: 0 });
      const hash = (d.prepare('SELECT password_hash AS h FROM users WHERE name = ?').get('adev') as { h: string }).h;
      expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(hash).not.toContain(password('adev'));
    } finally {
      d.close();
    }
  });

  it('gives a new session id at every sign-in and ends the one the browser had (no fixation)', async () => {
    const first = await signIn(server.url, 'adev');
    const res = await fetch(`${server.url}/api/console/session`, {
      method: 'POST',
      headers: json({ Cookie: first.cookie }),
      body: JSON.stringify({ user: 'adev', password: password('adev') }),
    });
    const second = res.headers.getSetCookie()[0]!.split(';')[0]!;
    expect(second).not.toBe(first.cookie);
    expect((await fetch(`${server.url}/api/console/session`, { headers: { Cookie: first.cookie } })).status).toBe(401);
    expect((await fetch(`${server.url}/api/console/session`, { headers: { Cookie: second } })).status).toBe(200);
  });

  it('refuses state-changing calls of a cookie session without its CSRF token', async () => {
    const s = await signIn(server.url, 'adev');
    const create = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/console/tokens`, { method: 'POST', headers: json({ Cookie: s.cookie, ...headers }), body: JSON.stringify({ name: 'x' }) });
    const missing = await create({});
    expect(missing.status).toBe(403);
    expect(await missing.text()).toBe('missing or wrong x-csrf-token header');
    expect((await create({ 'x-csrf-token': 'forged' })).status).toBe(403);
    expect((await create({ 'x-csrf-token': s.csrf })).status).toBe(200);
    // Bearer and Basic carry no ambient credential, so they need no CSRF token.
    const viaBasic = await fetch(`${server.url}/api/console/tokens`, { method: 'POST', headers: json(basicAuth('adev')), body: JSON.stringify({ name: 'y' }) });
    expect(viaBasic.status).toBe(200);
  });

  it('ends sessions that were idle too long or are too old', async () => {
    const idle = await signIn(server.url, 'adev');
    const old = await signIn(server.url, 'aviewer');
    const d = db();
    try {
      d.prepare("UPDATE sessions SET last_seen = last_seen - 9 * 3600000 WHERE user_name = 'adev'").run();
      d.prepare("UPDATE sessions SET created_at = created_at - 8 * 86400000, last_seen = ? WHERE user_name = 'aviewer'").run(Date.now());
    } finally {
      d.close();
    }
    expect((await fetch(`${server.url}/api/console/session`, { headers: { Cookie: idle.cookie } })).status).toBe(401);
    expect((await fetch(`${server.url}/api/console/session`, { headers: { Cookie: old.cookie } })).status).toBe(401);
  });

  it('signs out', async () => {
    const s = await signIn(server.url, 'aadmin');
    const out = await fetch(`${server.url}/api/console/session`, { method: 'DELETE', headers: { Cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect(out.status).toBe(200);
    expect((await fetch(`${server.url}/api/console/session`, { headers: { Cookie: s.cookie } })).status).toBe(401);
  });

  it('accepts a personal token until it expires or is revoked; the secret is shown once and stored hashed', async () => {
    const created = await fetch(`${server.url}/api/console/tokens`, { method: 'POST', headers: json(basicAuth('bdev')), body: JSON.stringify({ name: 'ci', expiresInDays: 30 }) });
    const { token, info } = (await created.json()) as { token: string; info: { id: string; expiresAt: number; createdAt: number } };
    expect(token).toMatch(/^scx_/);
    expect(info.expiresAt - info.createdAt).toBe(30 * 86_400_000);
    const bearer = { Authorization: `Bearer ${token}` };
    expect((await fetch(`${server.url}/api/v1/applications`, { headers: bearer })).status).toBe(200);
    const listed = await (await fetch(`${server.url}/api/console/tokens`, { headers: bearer })).text();
    expect(listed).not.toContain(token);
    const d = db();
    try {
      expect(JSON.stringify(d.prepare('SELECT * FROM tokens').all())).not.toContain(token);
      d.prepare('UPDATE tokens SET expires_at = ? WHERE id = ?').run(Date.now() - 1, info.id);
    } finally {
      d.close();
    }
    expect((await fetch(`${server.url}/api/v1/applications`, { headers: bearer })).status).toBe(401);

    const second = (await (await fetch(`${server.url}/api/console/tokens`, { method: 'POST', headers: json(basicAuth('bdev')), body: JSON.stringify({ name: 'ci2' }) })).json()) as { token: string; info: { id: string } };
    const bearer2 = { Authorization: `Bearer ${second.token}` };
    expect((await fetch(`${server.url}/api/v1/version`, { headers: bearer2 })).status).toBe(200);
    expect((await fetch(`${server.url}/api/console/tokens/${second.info.id}`, { method: 'DELETE', headers: bearer2 })).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/version`, { headers: bearer2 })).status).toBe(401);
  });

  it('challenges Spark clients with Basic, but not the console pages', async () => {
    const plain = await fetch(`${server.url}/api/v1/applications`);
    expect(plain.status).toBe(401);
    expect(plain.headers.get('www-authenticate')).toMatch(/^Basic realm="Spark Console"/);
    const page = await fetch(`${server.url}/api/v1/applications`, { headers: { 'X-Requested-With': 'spark-console' } });
    expect(page.status).toBe(401);
    expect(page.headers.get('www-authenticate')).toBeNull();
  });

  it('writes sign-ins, failures, token and membership changes and downloads to the audit log', async () => {
    await fetch(`${server.url}/api/v1/applications/${ALPHA_APP}/logs`, { headers: basicAuth('adev') }).then((r) => r.arrayBuffer());
    const zip = await fetch(`${server.url}/api/console/apps/${ALPHA_APP}/all-logs.zip`, { headers: basicAuth('adev') });
    expect(zip.status).toBe(200);
    await zip.arrayBuffer();
    const page = (await (await fetch(`${server.url}/api/console/admin/audit?limit=1000`, { headers: basicAuth('root') })).json()) as {
      entries: { action: string; user: string; target: string | null; project: string | null }[];
    };
    const actions = new Set(page.entries.map((e) => e.action));
    for (const a of ['signIn', 'signOut', 'tokenCreated', 'tokenRevoked', 'eventLogDownload']) expect(actions, a).toContain(a);
    expect(page.entries.find((e) => e.action === 'eventLogDownload')).toMatchObject({ user: 'adev', target: ALPHA_APP, project: 'alpha' });
    expect(page.entries.find((e) => e.action === 'logDownload' && e.target === `${ALPHA_APP}/*`)).toMatchObject({ user: 'adev', project: 'alpha' });
    const filtered = (await (await fetch(`${server.url}/api/console/admin/audit?user=bdev&action=tokenCreated`, { headers: basicAuth('root') })).json()) as { total: number; entries: { user: string }[] };
    expect(filtered.total).toBeGreaterThanOrEqual(2);
    expect(filtered.entries.every((e) => e.user === 'bdev')).toBe(true);
  });

  // Last: it leaves this address throttled.
  it('throttles failed sign-ins per account (form and Basic alike), with the same answer for unknown users', async () => {
    const attempt = (user: string, pw: string) => fetch(`${server.url}/api/console/session`, { method: 'POST', headers: json(), body: JSON.stringify({ user, password: pw }) });
    const unknown = await attempt('nosuchuser', 'whatever');
    const wrong = await attempt('aowner', 'wrong');
    expect([unknown.status, await unknown.text()]).toEqual([401, 'wrong user name or password']);
    expect([wrong.status, await wrong.text()]).toEqual([401, 'wrong user name or password']);
    for (let i = 0; i < 3; i++) expect((await attempt('aowner', 'wrong')).status).toBe(401);
    const viaBasic = await fetch(`${server.url}/api/v1/version`, { headers: { Authorization: basic('aowner:wrong') } });
    expect(viaBasic.status).toBe(401);
    const throttled = await attempt('aowner', password('aowner'));
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await throttled.text()).toMatch(/^too many failed sign-ins: try again in \d+ s$/);
    // Other accounts from this address are still allowed until the address limit.
    expect((await attempt('adev', password('adev'))).status).toBe(200);
  });

  // Last in this server's tests: it blocks the test's own address.
  it('throttles failed sign-ins per address, over many account names (password spraying)', async () => {
    const attempt = (user: string, pw: string) => fetch(`${server.url}/api/console/session`, { method: 'POST', headers: json(), body: JSON.stringify({ user, password: pw }) });
    // Earlier tests left failures from this address; each sprayed name fails once, far below its own limit of 5,
    // so only the address count can stop them, at 20 failures.
    let statuses: number[] = [];
    for (let i = 0; i < 21 && !statuses.includes(429); i++) statuses.push((await attempt(`sprayed${i}`, 'Winter2026!')).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    const blocked = await attempt('aviewer', password('aviewer'));
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toMatch(/^too many failed sign-ins: try again in \d+ s$/);
    statuses = [];
    for (const headers of [{ Authorization: basic(`aviewer:${password('aviewer')}`) }, { Authorization: 'Bearer scx_not-a-token' }]) {
      statuses.push((await fetch(`${server.url}/api/v1/version`, { headers })).status);
    }
    expect(statuses).toEqual([429, 429]);
  });
});

describe('--auth none', () => {
  it('refuses to bind anything but a loopback address', async () => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'spark-console.js'), 'serve', '--auth', 'none', '--host', '0.0.0.0', '--port', '0', '--event-logs', REPO_ROOT], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stderr.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(out).toContain('--auth none serves everything to anyone who can connect: it only binds a loopback address, not 0.0.0.0');
  });

  it('serves everything to the local user without sign-in on loopback', async () => {
    const server = await startServerProcess(['--event-logs', path.join(REPO_ROOT, '..', 'shared', 'conformance', 'rolling')]);
    try {
      const res = await fetch(`${server.url}/api/console/session`);
      expect(await res.json()).toMatchObject({ user: { name: 'local', admin: true }, authMode: 'none' });
    } finally {
      await server.stop();
    }
  });
});

describe('a console without an administrator', () => {
  it('creates an administrator with a generated password, printed once', async () => {
    const server = await startServerProcess(['--event-logs', path.join(REPO_ROOT, '..', 'shared', 'conformance', 'rolling')], { auth: 'password', waitForIngest: false });
    try {
      const m = /created the administrator "admin" with the password (\S+) /.exec(server.output());
      expect(m).not.toBeNull();
      expect((await fetch(`${server.url}/api/console/session`, { headers: { Authorization: basic(`admin:${m![1]}`) } })).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('gets one when only users without the flag exist, under a free name', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-noadmin-'));
    const config = path.join(dir, 'console.json');
    fs.writeFileSync(config, JSON.stringify({ users: [{ name: 'admin', password: 'not-an-admin-1' }, { name: 'bob', password: 'bob-pass-1234' }] }));
    const server = await startServerProcess(['--config', config, '--event-logs', dir], { auth: 'password', waitForIngest: false });
    try {
      const m = /created the administrator "admin-2" with the password (\S+) /.exec(server.output());
      expect(m).not.toBeNull();
      const session = await fetch(`${server.url}/api/console/session`, { headers: { Authorization: basic(`admin-2:${m![1]}`) } });
      expect(((await session.json()) as { user: { admin: boolean } }).user.admin).toBe(true);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
