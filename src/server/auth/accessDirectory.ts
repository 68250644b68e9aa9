import type { ProjectRole } from '../../api/access.js';
import type { AccessDb, MemberRow, ProjectRow, UserRow } from '../store/accessDb.js';

/*
 * Users, projects and memberships held in memory (they change rarely, and every request asks), reloaded from
 * the access tables after each change. Projects are those declared (config or earlier changes) plus those
 * found on disk.
 */
export class AccessDirectory {
  private usersByName = new Map<string, UserRow>();
  private declared = new Map<string, ProjectRow>();
  /** project → user → role */
  private roles = new Map<string, Map<string, ProjectRole>>();
  /** user → project → role */
  private byUser = new Map<string, Map<string, ProjectRole>>();

  constructor(private readonly db: AccessDb) {
    this.reload();
  }

  reload(): void {
    this.usersByName = new Map(this.db.users().map((u) => [u.name, u]));
    this.declared = new Map(this.db.projects().map((p) => [p.name, p]));
    this.roles = new Map();
    this.byUser = new Map();
    const add = (m: MemberRow) => {
      if (!this.roles.has(m.project)) this.roles.set(m.project, new Map());
      if (!this.byUser.has(m.user)) this.byUser.set(m.user, new Map());
      this.roles.get(m.project)!.set(m.user, m.role);
      this.byUser.get(m.user)!.set(m.project, m.role);
    };
    for (const m of this.db.members()) add(m);
    // A project's declared owner is its owner, whatever the member table says.
    for (const p of this.declared.values()) if (p.owner && this.usersByName.has(p.owner)) add({ project: p.name, user: p.owner, role: 'owner' });
  }

  user(name: string): UserRow | undefined {
    return this.usersByName.get(name);
  }

  users(): UserRow[] {
    return [...this.usersByName.values()];
  }

  declaredProject(name: string): ProjectRow | undefined {
    return this.declared.get(name);
  }

  /** Declared projects plus `found` (projects of the logs on disk), sorted by name. */
  projectNames(found: Iterable<string>): string[] {
    return [...new Set([...this.declared.keys(), ...found])].sort();
  }

  roleOf(user: string, project: string): ProjectRole | null {
    return this.roles.get(project)?.get(user) ?? null;
  }

  /** The projects a user is a member of, with their role. */
  projectsOf(user: string): ReadonlyMap<string, ProjectRole> {
    return this.byUser.get(user) ?? new Map();
  }

  membersOf(project: string): { user: string; displayName: string; role: ProjectRole }[] {
    const members = [...(this.roles.get(project) ?? new Map<string, ProjectRole>())];
    return members
      .map(([user, role]) => ({ user, displayName: this.usersByName.get(user)?.displayName ?? user, role }))
      .sort((a, b) => (a.user < b.user ? -1 : a.user > b.user ? 1 : 0));
  }
}
