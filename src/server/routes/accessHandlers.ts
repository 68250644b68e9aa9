import type { FastifyReply, FastifyRequest } from 'fastify';
import type {
  CreateTokenRequest,
  CreateUserRequest,
  SessionInfo,
  SetPasswordRequest,
  SetUserAdminRequest,
  SignInRequest,
  UserInfo,
} from '../../api/console/accounts.js';
import type { accessRoutes } from '../../api/console/accessRoutes.js';
import type { SetMemberRequest } from '../../api/console/projects.js';
import { sparkErrors } from '../../api/spark/errors.js';
import { ApiError, forbidden, notFound } from '../api/apiError.js';
import type { AppCatalog } from '../api/appCatalog.js';
import type { AccessDirectory } from '../auth/accessDirectory.js';
import type { AccessScope } from '../auth/accessScope.js';
import { tokenInfo } from '../auth/apiTokens.js';
import { principalOf, SESSION_COOKIE, type Authenticator } from '../auth/authenticator.js';
import type { OidcSignIn } from '../auth/oidcSignIn.js';
import { hashPassword } from '../auth/passwords.js';
import { allProjectNames, projectSummary } from '../projects/projectSummaries.js';
import type { ProjectUsage } from '../projects/projectUsage.js';
import type { AccessDb, SessionRow } from '../store/accessDb.js';
import type { HandlerTable } from './registrar.js';

export interface AccessHandlerDeps {
  catalog: AppCatalog;
  directory: AccessDirectory;
  accessDb: AccessDb;
  auth: Authenticator;
  usage: ProjectUsage;
  oidc: OidcSignIn | undefined;
}

/** The caller of a route whose rule is not `public` (the registrar has already refused anonymous calls). */
const signedIn = (caller: AccessScope | undefined): AccessScope => {
  if (!caller) throw new Error('a signed-in route ran without a caller');
  return caller;
};

/** Starts a session for `user`: a new id every time (an old cookie is ended, never upgraded). */
export function startSession(auth: Authenticator, req: FastifyRequest, reply: FastifyReply, userName: string): SessionRow {
  const old = req.cookies?.[SESSION_COOKIE];
  if (old) {
    const row = auth.sessions.find(old);
    if (row) auth.sessions.end(row.idHash);
  }
  const { id, row } = auth.sessions.create(userName);
  reply.setCookie(SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
    path: '/',
    expires: new Date(auth.sessions.expiresAt(row)),
  });
  return row;
}

function sessionInfo(auth: Authenticator, caller: AccessScope, expiresAt: number): SessionInfo {
  const p = caller.principal;
  return {
    user: { name: p.name, displayName: p.displayName, admin: p.admin },
    csrfToken: p.session?.csrf ?? '',
    authMode: auth.mode,
    expiresAt,
  };
}

export function accessHandlers(deps: AccessHandlerDeps): HandlerTable<typeof accessRoutes> {
  const { catalog, directory, accessDb, auth, usage, oidc } = deps;

  const members = (project: string) => ({ members: directory.membersOf(project) });
  const userInfo = (name: string): UserInfo => {
    const u = directory.user(name)!;
    return {
      name: u.name,
      displayName: u.displayName,
      email: u.email,
      admin: u.admin,
      hasPassword: u.passwordHash !== null,
      createdAt: u.createdAt,
      projects: [...directory.projectsOf(u.name)].map(([project, role]) => ({ project, role })).sort((a, b) => (a.project < b.project ? -1 : 1)),
    };
  };

  return {
    signInOptions: () => ({
      password: auth.mode === 'password',
      oidc: oidc ? { name: oidc.displayName, loginUrl: '/api/console/oidc/login' } : null,
    }),

    session: (ctx) => {
      const caller = signedIn(ctx.caller);
      const s = caller.principal.session;
      return sessionInfo(auth, caller, s ? auth.sessions.expiresAt({ createdAt: s.createdAt } as SessionRow) : 0);
    },

    signIn: async (ctx) => {
      const { user, password } = ctx.body as SignInRequest;
      const row = await auth.checkPassword(user, password, ctx.req.ip);
      const session = startSession(auth, ctx.req, ctx.reply, row.name);
      accessDb.audit({ user: row.name, action: 'signIn', project: null, target: null, address: ctx.req.ip, detail: 'via password' });
      const principal = principalOf(row, 'session', { idHash: session.idHash, csrf: session.csrf, createdAt: session.createdAt });
      return sessionInfo(auth, { principal } as AccessScope, auth.sessions.expiresAt(session));
    },

    signOut: (ctx) => {
      const s = signedIn(ctx.caller).principal.session;
      if (s) auth.sessions.end(s.idHash);
      ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
      ctx.audit('signOut');
      return { ok: true };
    },

    oidcLogin: async (ctx) => {
      if (!oidc) throw notFound('single sign-on is not configured');
      return ctx.reply.redirect(await oidc.start(ctx.reply));
    },

    oidcCallback: async (ctx) => {
      if (!oidc) throw notFound('single sign-on is not configured');
      const user = await oidc.finish(ctx.req, ctx.reply);
      startSession(auth, ctx.req, ctx.reply, user.name);
      accessDb.audit({ user: user.name, action: 'signIn', project: null, target: null, address: ctx.req.ip, detail: 'via oidc' });
      return ctx.reply.redirect('/');
    },

    projects: (ctx) => {
      const caller = signedIn(ctx.caller);
      const names = allProjectNames(catalog, directory).filter((p) => caller.canView(p));
      return { projects: names.map((name) => projectSummary(name, { catalog, directory, usage }, caller)) };
    },

    project: (ctx) => projectSummary(ctx.params.project, { catalog, directory, usage }, signedIn(ctx.caller)),

    setMember: (ctx) => {
      const caller = signedIn(ctx.caller);
      const { project, user } = ctx.params;
      const { role } = ctx.body as SetMemberRequest;
      if (!directory.user(user)) throw notFound(`unknown user: ${user}`);
      // Only an owner makes (or unmakes) owners, as only MaxCompute's Super_Administrator assigns it.
      const current = directory.roleOf(user, project);
      if ((role === 'owner' || current === 'owner') && !caller.principal.admin && caller.role(project) !== 'owner') {
        throw forbidden(sparkErrors.notAuthorized(caller.principal.name));
      }
      accessDb.setMember(project, user, role);
      directory.reload();
      ctx.audit('memberSet', { project, target: user, detail: `role ${role}${current ? ` (was ${current})` : ''}` });
      return members(project);
    },

    removeMember: (ctx) => {
      const caller = signedIn(ctx.caller);
      const { project, user } = ctx.params;
      const current = directory.roleOf(user, project);
      if (current === null) throw notFound(`not a member: ${user}`);
      if (current === 'owner' && !caller.principal.admin && caller.role(project) !== 'owner') {
        throw forbidden(sparkErrors.notAuthorized(caller.principal.name));
      }
      accessDb.removeMember(project, user);
      directory.reload();
      ctx.audit('memberRemoved', { project, target: user, detail: `was ${current}` });
      return members(project);
    },

    tokens: (ctx) => ({ tokens: auth.tokens.list(signedIn(ctx.caller).principal.name).map(tokenInfo) }),

    createToken: (ctx) => {
      const caller = signedIn(ctx.caller);
      const req = ctx.body as Required<CreateTokenRequest>;
      const { token, row } = auth.tokens.create(caller.principal.name, req.name, req.expiresInDays);
      ctx.audit('tokenCreated', { target: row.id, detail: `${req.name}, ${req.expiresInDays} days` });
      return { token, info: tokenInfo(row) };
    },

    revokeToken: (ctx) => {
      const caller = signedIn(ctx.caller);
      const token = auth.tokens.get(ctx.params.tokenId);
      if (!token || (token.user !== caller.principal.name && !caller.principal.admin)) throw notFound(`unknown token: ${ctx.params.tokenId}`);
      auth.tokens.revoke(token.id);
      ctx.audit('tokenRevoked', { target: token.id, detail: `of ${token.user}` });
      return { ok: true };
    },

    users: () => ({ users: directory.users().map((u) => userInfo(u.name)) }),

    createUser: async (ctx) => {
      const req = ctx.body as Required<Omit<CreateUserRequest, 'displayName' | 'email'>> & CreateUserRequest;
      if (directory.user(req.name)) throw new ApiError(409, `user exists: ${req.name}`);
      accessDb.insertUser({
        name: req.name,
        displayName: req.displayName ?? req.name,
        email: req.email ?? null,
        passwordHash: await hashPassword(req.password),
        admin: req.admin,
        createdAt: Date.now(),
      });
      directory.reload();
      ctx.audit('userCreated', { target: req.name, detail: req.admin ? 'administrator' : null });
      return userInfo(req.name);
    },

    setUserAdmin: (ctx) => {
      const caller = signedIn(ctx.caller);
      const { user } = ctx.params;
      const { admin } = ctx.body as SetUserAdminRequest;
      const current = directory.user(user);
      if (!current) throw notFound(`unknown user: ${user}`);
      if (current.admin === admin) return userInfo(user);
      if (admin) {
        accessDb.grantAdmin(user);
      } else {
        const lastAdmin = () => new ApiError(409, `the console would lose its last administrator: ${user}`);
        if (!directory.users().some((u) => u.admin && u.name !== user)) throw lastAdmin();
        // Another administrator must do it: a slip of one's own hand could otherwise lock the console out.
        if (user === caller.principal.name) throw new ApiError(409, 'administrators cannot remove their own flag: ask another administrator');
        // The statement checks again, against the table rather than the directory's copy of it.
        if (!accessDb.revokeAdmin(user)) throw lastAdmin();
      }
      directory.reload();
      ctx.audit(admin ? 'adminGranted' : 'adminRevoked', { target: user });
      return userInfo(user);
    },

    setUserPassword: async (ctx) => {
      const caller = signedIn(ctx.caller);
      const { user } = ctx.params;
      const { password } = ctx.body as SetPasswordRequest;
      if (!directory.user(user)) throw notFound(`unknown user: ${user}`);
      accessDb.setPassword(user, await hashPassword(password));
      // Whoever knew the old password may hold a session: end them all, but the one making this change.
      const keep = user === caller.principal.name ? caller.principal.session?.idHash : undefined;
      const ended = auth.sessions.endAllOf(user, keep);
      // The directory holds the hash that sign-in and remembered Basic credentials are checked against.
      directory.reload();
      ctx.audit('passwordReset', { target: user, detail: `ended ${ended} session${ended === 1 ? '' : 's'}, via ${caller.principal.via}` });
      return { ok: true };
    },

    adminTokens: (ctx) => {
      const page = accessDb.tokenPage(ctx.query);
      return { total: page.total, tokens: page.tokens.map(tokenInfo) };
    },

    userDirectory: () => ({ users: directory.users().map((u) => ({ name: u.name, displayName: u.displayName })) }),

    audit: (ctx) => accessDb.queryAudit(ctx.query),
  };
}
