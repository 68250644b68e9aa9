import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, type ServerHandle } from '../support/serverProcess.js';
import { basicAuth, password, signIn, startAccessServer, type Session } from './accessFixture.js';

/*
 * What a console administrator does on the admin pages, over HTTP: every user's tokens, the console-admin
 * flag (never leaving the console without an administrator), passwords (ending the user's other sessions),
 * and every project and its members whether or not the administrator is in it.
 */

const json = (headers: Record<string, string> = {}) => ({ 'Content-Type': 'application/json', ...headers });

interface TokenInfo {
  id: string;
  user: string;
  name: string;
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

describe('console administrator pages', () => {
  let server: ServerHandle;
  const db = () => new Database(path.join(server.dataDir, 'index.db'), { readonly: true });
  const asRoot = basicAuth('root');

  const createToken = async (user: string, name: string) => {
    // Tokens are listed newest first by their creation millisecond: keep each in its own.
    await new Promise((resolve) => setTimeout(resolve, 3));
    const res = await fetch(`${server.url}/api/console/tokens`, { method: 'POST', headers: json(basicAuth(user)), body: JSON.stringify({ name, expiresInDays: 5 }) });
    expect(res.status).toBe(200);
    return (await res.json()) as { token: string; info: TokenInfo };
  };
  const adminTokens = async (query = '', headers = asRoot) => {
    const res = await fetch(`${server.url}/api/console/admin/tokens${query}`, { headers });
    return { status: res.status, text: await res.text() };
  };
  const setAdmin = (user: string, admin: boolean, headers: Record<string, string>) =>
    fetch(`${server.url}/api/console/admin/users/${user}/admin`, { method: 'PUT', headers: json(headers), body: JSON.stringify({ admin }) });
  const setPassword = (user: string, newPassword: string, headers: Record<string, string>) =>
    fetch(`${server.url}/api/console/admin/users/${user}/password`, { method: 'PUT', headers: json(headers), body: JSON.stringify({ password: newPassword }) });
  const sessionAnswers = async (s: Session) => (await fetch(`${server.url}/api/console/session`, { headers: { Cookie: s.cookie } })).status;
  const audit = async (query: string) =>
    ((await (await fetch(`${server.url}/api/console/admin/audit?${query}`, { headers: asRoot })).json()) as { entries: { user: string; action: string; target: string | null; detail: string | null }[] })
      .entries;

  const started = Date.now();

  beforeAll(async () => {
    ({ server } = await startAccessServer());
  });
  afterAll(async () => server?.stop());

  describe('tokens', () => {
    it("lists every user's tokens, newest first, filterable by user, and never a secret or its hash", async () => {
      const bob = await createToken('bdev', 'bdev nightly');
      const dev = await createToken('adev', 'adev script');
      const second = await createToken('bdev', 'bdev second');

      const all = await adminTokens();
      expect(all.status).toBe(200);
      const page = JSON.parse(all.text) as { total: number; tokens: TokenInfo[] };
      expect(page.total).toBe(3);
      expect(page.tokens.map((t) => [t.user, t.name])).toEqual([
        ['bdev', 'bdev second'],
        ['adev', 'adev script'],
        ['bdev', 'bdev nightly'],
      ]);
      expect(page.tokens.find((t) => t.id === bob.info.id)).toEqual(bob.info);

      const hashes = (() => {
        const d = db();
        try {
          return (d.prepare('SELECT secret_hash AS h FROM tokens').all() as { h: string }[]).map((r) => r.h);
        } finally {
          d.close();
        }
      })();
      expect(hashes).toHaveLength(3);
      for (const secret of [bob.token, dev.token, second.token, ...hashes]) expect(all.text).not.toContain(secret);
      expect(all.text).not.toMatch(/secret|hash/i);

      const onlyBob = JSON.parse((await adminTokens('?user=bdev')).text) as { total: number; tokens: TokenInfo[] };
      expect(onlyBob.total).toBe(2);
      expect(onlyBob.tokens.map((t) => t.name)).toEqual(['bdev second', 'bdev nightly']);
      const paged = JSON.parse((await adminTokens('?offset=1&limit=1')).text) as { total: number; tokens: TokenInfo[] };
      expect([paged.total, paged.tokens.map((t) => t.name)]).toEqual([3, ['adev script']]);
      expect(JSON.parse((await adminTokens('?user=nobody')).text)).toEqual({ total: 0, tokens: [] });
    });

    it('is refused to anyone but a console administrator, and bad paging is a 400', async () => {
      expect(await adminTokens('', basicAuth('aowner'))).toEqual({ status: 403, text: 'user "aowner" is not authorized' });
      expect((await adminTokens('?limit=0')).status).toBe(400);
      expect((await adminTokens('?offset=-1')).status).toBe(400);
    });

    it("revokes another user's token from the list: it answers 401 at once and shows as revoked", async () => {
      const { token, info } = await createToken('bdev', 'to revoke');
      const bearer = { Authorization: `Bearer ${token}` };
      expect((await fetch(`${server.url}/api/v1/version`, { headers: bearer })).status).toBe(200);
      const revoked = await fetch(`${server.url}/api/console/tokens/${info.id}`, { method: 'DELETE', headers: asRoot });
      expect(revoked.status).toBe(200);
      expect((await fetch(`${server.url}/api/v1/version`, { headers: bearer })).status).toBe(401);
      const listed = (JSON.parse((await adminTokens('?user=bdev')).text) as { tokens: TokenInfo[] }).tokens.find((t) => t.id === info.id)!;
      expect(listed.revokedAt).not.toBeNull();
      expect(listed.lastUsedAt).not.toBeNull();
      expect((await audit('action=tokenRevoked&user=root')).find((e) => e.target === info.id)).toMatchObject({ detail: 'of bdev' });
    });
  });

  describe('the console-administrator flag', () => {
    it('refuses to remove the last administrator (409), whoever asks', async () => {
      const res = await setAdmin('root', false, asRoot);
      expect(res.status).toBe(409);
      expect(await res.text()).toBe('the console would lose its last administrator: root');
      expect((await fetch(`${server.url}/api/console/admin/users`, { headers: asRoot })).status).toBe(200);
    });

    it('grants and removes the flag, each in the audit log; nobody removes their own; it takes effect at once', async () => {
      const aowner = await signIn(server.url, 'aowner');
      expect((await fetch(`${server.url}/api/console/admin/users`, { headers: { Cookie: aowner.cookie } })).status).toBe(403);
      const grant = await setAdmin('aowner', true, asRoot);
      expect(grant.status).toBe(200);
      expect(await grant.json()).toMatchObject({ name: 'aowner', admin: true });
      // The new administrator's existing session gains the rights on its next call.
      expect((await fetch(`${server.url}/api/console/admin/users`, { headers: { Cookie: aowner.cookie } })).status).toBe(200);

      const own = await setAdmin('root', false, asRoot);
      expect(own.status).toBe(409);
      expect(await own.text()).toBe('administrators cannot remove their own flag: ask another administrator');

      // Another administrator may; then root is an ordinary user at once.
      const removed = await setAdmin('root', false, { Cookie: aowner.cookie, 'x-csrf-token': aowner.csrf });
      expect(removed.status).toBe(200);
      expect(await removed.json()).toMatchObject({ name: 'root', admin: false });
      expect((await fetch(`${server.url}/api/console/admin/users`, { headers: asRoot })).status).toBe(403);
      // aowner is now the only one, and cannot be removed by anyone.
      expect((await setAdmin('aowner', false, basicAuth('aowner'))).status).toBe(409);

      expect((await setAdmin('root', true, basicAuth('aowner'))).status).toBe(200);
      expect((await setAdmin('aowner', false, asRoot)).status).toBe(200);
      expect((await fetch(`${server.url}/api/console/admin/users`, { headers: basicAuth('aowner') })).status).toBe(403);

      // Refusals change nothing and are not recorded; each change is (order aside: entries may share a millisecond).
      const entries = await audit('limit=1000');
      const flagChanges = entries.filter((e) => e.action === 'adminGranted' || e.action === 'adminRevoked').map((e) => `${e.user} ${e.action} ${e.target}`);
      expect(flagChanges.sort()).toEqual(['aowner adminGranted root', 'aowner adminRevoked root', 'root adminGranted aowner', 'root adminRevoked aowner']);
    });

    it('answers an unchanged flag as it is, an unknown user with 404, a bad body with 400, and others with 403', async () => {
      const same = await setAdmin('root', true, asRoot);
      expect(same.status).toBe(200);
      expect(await same.json()).toMatchObject({ name: 'root', admin: true });
      const unknown = await setAdmin('nosuchuser', true, asRoot);
      expect([unknown.status, await unknown.text()]).toEqual([404, 'unknown user: nosuchuser']);
      const bad = await fetch(`${server.url}/api/console/admin/users/adev/admin`, { method: 'PUT', headers: json(asRoot), body: JSON.stringify({ admin: 'yes' }) });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toMatch(/^bad request body: admin: /);
      const notAdmin = await setAdmin('adev', true, basicAuth('adev'));
      expect([notAdmin.status, await notAdmin.text()]).toEqual([403, 'user "adev" is not authorized']);
    });
  });

  describe('passwords', () => {
    it("sets a user's password: the old one stops working (form and Basic), the new one works, their sessions end", async () => {
      const first = await signIn(server.url, 'aviewer');
      const second = await signIn(server.url, 'aviewer');
      const others = await signIn(server.url, 'adev');
      // Basic credentials are remembered for a while: this makes sure the old ones are in that memory.
      expect((await fetch(`${server.url}/api/v1/version`, { headers: basicAuth('aviewer') })).status).toBe(200);

      const res = await setPassword('aviewer', 'a-brand-new-password', asRoot);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });

      expect(await sessionAnswers(first)).toBe(401);
      expect(await sessionAnswers(second)).toBe(401);
      expect(await sessionAnswers(others)).toBe(200);
      expect((await fetch(`${server.url}/api/v1/version`, { headers: basicAuth('aviewer') })).status).toBe(401);
      const oldForm = await fetch(`${server.url}/api/console/session`, { method: 'POST', headers: json(), body: JSON.stringify({ user: 'aviewer', password: password('aviewer') }) });
      expect(oldForm.status).toBe(401);
      await signIn(server.url, 'aviewer', 'a-brand-new-password');
      expect((await fetch(`${server.url}/api/v1/version`, { headers: { Authorization: basic('aviewer:a-brand-new-password') } })).status).toBe(200);

      expect((await audit('action=passwordReset'))[0]).toMatchObject({ user: 'root', target: 'aviewer', detail: 'ended 2 sessions, via basic' });
    });

    it("keeps the administrator's own session when they set their own password, and ends their others", async () => {
      const mine = await signIn(server.url, 'root');
      const elsewhere = await signIn(server.url, 'root');
      const res = await setPassword('root', 'root-new-password', { Cookie: mine.cookie, 'x-csrf-token': mine.csrf });
      expect(res.status).toBe(200);
      expect(await sessionAnswers(mine)).toBe(200);
      expect(await sessionAnswers(elsewhere)).toBe(401);
      // Put it back for the other tests of this file.
      expect((await setPassword('root', password('root'), { Cookie: mine.cookie, 'x-csrf-token': mine.csrf })).status).toBe(200);
    });

    it('needs 8 characters, a known user, a console administrator, and the CSRF token of a cookie session', async () => {
      const short = await setPassword('adev', 'short', asRoot);
      expect(short.status).toBe(400);
      expect(await short.text()).toMatch(/^bad request body: password: /);
      const unknown = await setPassword('nosuchuser', 'long-enough-1', asRoot);
      expect([unknown.status, await unknown.text()]).toEqual([404, 'unknown user: nosuchuser']);
      expect((await setPassword('adev', 'long-enough-1', basicAuth('aadmin'))).status).toBe(403);
      const root = await signIn(server.url, 'root');
      expect((await setPassword('adev', 'long-enough-1', { Cookie: root.cookie })).status).toBe(403);
      // Nothing changed: adev still signs in with the old password.
      await signIn(server.url, 'adev');
    });
  });

  describe('projects and members', () => {
    it('shows an administrator who is in no project every project, each manageable', async () => {
      const created = await fetch(`${server.url}/api/console/admin/users`, {
        method: 'POST',
        headers: json(asRoot),
        body: JSON.stringify({ name: 'admin2', password: 'admin2-password', admin: true }),
      });
      expect(created.status).toBe(200);
      const admin2 = { Authorization: basic('admin2:admin2-password') };
      const list = (await (await fetch(`${server.url}/api/console/projects`, { headers: admin2 })).json()) as {
        projects: { name: string; myRole: string | null; canManage: boolean; canReadLogs: boolean }[];
      };
      expect(list.projects.map((p) => [p.name, p.myRole, p.canManage, p.canReadLogs])).toEqual([
        ['alpha', null, true, true],
        ['beta', null, true, true],
      ]);

      // Members of any project, owners included (only owners and console administrators touch owners).
      const put = (project: string, user: string, role: string) =>
        fetch(`${server.url}/api/console/projects/${project}/members/${user}`, { method: 'PUT', headers: json(admin2), body: JSON.stringify({ role }) });
      expect((await put('alpha', 'ghost', 'owner')).status).toBe(200);
      const members = (await (await put('beta', 'ghost', 'developer')).json()) as { members: { user: string; role: string }[] };
      expect(members.members.find((m) => m.user === 'ghost')?.role).toBe('developer');
      expect((await fetch(`${server.url}/api/console/projects/alpha/members/ghost`, { method: 'DELETE', headers: admin2 })).status).toBe(200);
      expect((await fetch(`${server.url}/api/console/projects/beta/members/ghost`, { method: 'DELETE', headers: admin2 })).status).toBe(200);
      const ghost = (await (await fetch(`${server.url}/api/console/projects`, { headers: basicAuth('ghost') })).json()) as { projects: unknown[] };
      expect(ghost.projects).toEqual([]);
    });
  });

  describe('audit log', () => {
    type Entry = { at: number; user: string; action: string; project: string | null; target: string | null };
    const page = async (query: string) => {
      const res = await fetch(`${server.url}/api/console/admin/audit?limit=1000&${query}`, { headers: asRoot });
      expect(res.status, query).toBe(200);
      return (await res.json()) as { total: number; entries: Entry[] };
    };

    it('filters by user, project, action and time, each alone and together', async () => {
      const everything = await page('');
      expect(everything.total).toBe(everything.entries.length);

      const memberSets = await page('project=alpha&action=memberSet');
      expect(memberSets.entries.map((e) => `${e.user} ${e.project} ${e.target}`)).toEqual(['admin2 alpha ghost']);
      const byUser = await page('user=admin2');
      expect(byUser.entries.map((e) => e.action).sort()).toEqual(['memberRemoved', 'memberRemoved', 'memberSet', 'memberSet']);
      expect((await page('project=beta')).entries.every((e) => e.project === 'beta')).toBe(true);
      expect((await page('action=passwordReset')).entries.every((e) => e.action === 'passwordReset')).toBe(true);

      expect((await page(`to=${started - 1}`)).total).toBe(0);
      expect((await page(`from=${Date.now() + 60_000}`)).total).toBe(0);
      expect((await page(`from=${started}&to=${Date.now()}`)).total).toBe(everything.total);
      const one = memberSets.entries[0]!;
      const sameMoment = await page(`from=${one.at}&to=${one.at}`);
      expect(sameMoment.entries.every((e) => e.at === one.at)).toBe(true);
      expect(sameMoment.entries).toContainEqual(expect.objectContaining({ user: 'admin2', action: 'memberSet', project: 'alpha' }));
      expect((await page(`user=admin2&action=memberSet&from=${one.at}`)).entries.map((e) => e.project).sort()).toEqual(['alpha', 'beta']);
    });

    it('answers a bad time with 400', async () => {
      const res = await fetch(`${server.url}/api/console/admin/audit?from=yesterday`, { headers: asRoot });
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/^Bad value for parameter "from"/);
    });
  });
});
