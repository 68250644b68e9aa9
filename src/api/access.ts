/*
 * Who may call a route. Every route of the table declares one rule; the server's registrar refuses a route
 * without one. The project rules name the project a route is about: its `{project}` path parameter, or the
 * project of its `{appId}`.
 */

export const ACCESS_RULES = ['public', 'signedIn', 'projectView', 'projectLogs', 'projectAdmin', 'consoleAdmin'] as const;
export type AccessRule = (typeof ACCESS_RULES)[number];

export const ACCESS_RULE_DESCRIPTIONS: Readonly<Record<AccessRule, string>> = {
  public: 'Anyone, signed in or not.',
  signedIn: 'Any signed-in user (session, Bearer token or Basic); lists are filtered to what the user may see.',
  projectView: "A member of the application's or project's project (any role), or a console administrator.",
  projectLogs: "A developer, admin or owner of the application's project, or a console administrator: driver, executor and event logs.",
  projectAdmin: 'An admin or owner of the project, or a console administrator: members and roles.',
  consoleAdmin: 'A console administrator: users, tokens of others, the audit log.',
};

/** A member's role in a project, weakest first (MaxCompute's guest / developer / admin / owner). */
export const PROJECT_ROLES = ['viewer', 'developer', 'admin', 'owner'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

/** What a project role allows, by the project rules above. */
export function roleAllows(role: ProjectRole, rule: 'projectView' | 'projectLogs' | 'projectAdmin'): boolean {
  const rank = PROJECT_ROLES.indexOf(role);
  if (rule === 'projectView') return rank >= 0;
  if (rule === 'projectLogs') return rank >= PROJECT_ROLES.indexOf('developer');
  return rank >= PROJECT_ROLES.indexOf('admin');
}

/** Apps whose project cannot be told (no project folder, no `spark.hadoop.odps.project.name`) belong here. */
export const DEFAULT_PROJECT = 'default';

/** The header the console's own client sends; with a cookie session it is also the CSRF token's carrier. */
export const CSRF_HEADER = 'x-csrf-token';

/** Plain-text bodies of the access answers (403 reuses Spark's own text). */
export const accessErrors = {
  /** 401: no session, token or Basic credentials, or they are not valid (any longer). */
  signInRequired: () => 'sign-in required: a session, a personal API token (Authorization: Bearer) or HTTP Basic credentials',
  /** 401 on a failed sign-in; the same text whether the user exists or not. */
  badCredentials: () => 'wrong user name or password',
  /** 429 after repeated failed sign-ins from one address or for one account. */
  throttled: (seconds: number | string) => `too many failed sign-ins: try again in ${seconds} s`,
  /** 403 on a state-changing call of a cookie session without its CSRF token. */
  csrf: () => `missing or wrong ${CSRF_HEADER} header`,
} as const;
