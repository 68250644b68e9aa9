import { roleAllows, type ProjectRole } from '../../api/access.js';
import type { AccessDirectory } from './accessDirectory.js';

/** How the caller proved who they are. */
export type AuthMethod = 'session' | 'token' | 'basic' | 'none';

/** The caller of one request, once identified. */
export interface Principal {
  readonly name: string;
  readonly displayName: string;
  /** Console administrator: sees and manages everything. */
  readonly admin: boolean;
  readonly via: AuthMethod;
  /** For cookie sessions: what state-changing calls must echo, and the session's hashed id. */
  readonly session?: { readonly idHash: string; readonly csrf: string; readonly createdAt: number };
}

/** A filter on projects: what the catalog view, listings and counts apply. */
export interface ProjectFilter {
  /** Equal for callers who see the same projects, so cached answers may be shared between them only. */
  readonly key: string;
  canView(project: string): boolean;
}

/** What one principal may do in which project. */
export class AccessScope implements ProjectFilter {
  readonly key: string;
  private readonly roles: ReadonlyMap<string, ProjectRole>;

  constructor(
    readonly principal: Principal,
    directory: AccessDirectory,
  ) {
    // An administrator sees everything, but their own roles still show where they are a member.
    this.roles = directory.projectsOf(principal.name);
    this.key = principal.admin ? '*' : [...this.roles.keys()].sort().join('\n');
  }

  role(project: string): ProjectRole | null {
    return this.roles.get(project) ?? null;
  }

  canView(project: string): boolean {
    return this.principal.admin || this.roles.has(project);
  }

  allows(project: string, rule: 'projectView' | 'projectLogs' | 'projectAdmin'): boolean {
    if (this.principal.admin) return true;
    const role = this.roles.get(project);
    return role !== undefined && roleAllows(role, rule);
  }
}
