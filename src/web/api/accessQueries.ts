import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { accessKeys, type AdminTokensQueryInput, type AuditQueryInput, type CreateTokenRequest, type CreateUserRequest, type ProjectRole, type SessionInfo, type SignInRequest } from '../../api/index.js';
import { apiClient } from './apiClient.js';

/*
 * The access API as react-query hooks: the session, projects and their members, personal API tokens, and
 * the administrator's users and audit log. Each mutation owns what it invalidates.
 */

/** The signed-in user; a 401 means "not signed in" (the session gate sends the visitor to /sign-in). */
export function useSession() {
  return useQuery({
    queryKey: accessKeys.session(),
    queryFn: ({ signal }) => apiClient.session({ signal }),
    retry: false,
    staleTime: Infinity,
  });
}

export function useSignInOptions() {
  return useQuery({ queryKey: accessKeys.signInOptions(), queryFn: ({ signal }) => apiClient.signInOptions({ signal }), staleTime: Infinity });
}

/** Signs in; on success the new session replaces whatever was cached for the previous visitor. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInRequest) => apiClient.signIn(body),
    onSuccess: (session: SessionInfo) => {
      // Another user may have been signed in on this tab: nothing they could see may be shown from cache.
      queryClient.clear();
      queryClient.setQueryData(accessKeys.session(), session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.signOut(),
    onSettled: () => queryClient.clear(),
  });
}

export function useProjects() {
  return useQuery({ queryKey: accessKeys.projects(), queryFn: ({ signal }) => apiClient.projects({ signal }) });
}

export function useProject(project: string) {
  return useQuery({ queryKey: accessKeys.project(project), queryFn: ({ signal }) => apiClient.project(project, { signal }) });
}

/** Adds a member or changes a role; the project, the project list and the admin user list change with it. */
export function useSetMember(project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, role }: { user: string; role: ProjectRole }) => apiClient.setMember(project, user, role),
    onSuccess: () => invalidateMembership(queryClient),
  });
}

export function useRemoveMember(project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: string) => apiClient.removeMember(project, user),
    onSuccess: () => invalidateMembership(queryClient),
  });
}

function invalidateMembership(queryClient: ReturnType<typeof useQueryClient>) {
  void queryClient.invalidateQueries({ queryKey: accessKeys.projectsAll() });
  void queryClient.invalidateQueries({ queryKey: accessKeys.usersAll() });
  void queryClient.invalidateQueries({ queryKey: [...accessKeys.audit().slice(0, 3)] });
}

export function useTokens() {
  return useQuery({ queryKey: accessKeys.tokens(), queryFn: ({ signal }) => apiClient.tokens({ signal }) });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenRequest) => apiClient.createToken(body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accessKeys.tokens() }),
  });
}

/** Revokes a token; the caller's own list and the administrator's token pages share the invalidated prefix. */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => apiClient.revokeToken(tokenId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: accessKeys.tokens() });
      void queryClient.invalidateQueries({ queryKey: [...accessKeys.audit().slice(0, 3)] });
    },
  });
}

/** Console administrators: one page of every user's tokens (newest first); the previous page stays while the next loads. */
export function useAdminTokens(params: AdminTokensQueryInput) {
  return useQuery({
    queryKey: accessKeys.adminTokens(params),
    queryFn: ({ signal }) => apiClient.adminTokens(params, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Console administrators: every user with their projects and roles. */
export function useAdminUsers() {
  return useQuery({ queryKey: accessKeys.adminUsers(), queryFn: ({ signal }) => apiClient.adminUsers({ signal }) });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => apiClient.createUser(body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accessKeys.usersAll() }),
  });
}

/** Grants or removes a user's console-administrator flag; the user lists and the audit log change with it. */
export function useSetUserAdmin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, admin }: { user: string; admin: boolean }) => apiClient.setUserAdmin(user, admin),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: accessKeys.usersAll() });
      void queryClient.invalidateQueries({ queryKey: [...accessKeys.audit().slice(0, 3)] });
    },
  });
}

/** Sets a user's password (the server ends their other sessions). */
export function useSetUserPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, password }: { user: string; password: string }) => apiClient.setUserPassword(user, password),
    onSuccess: () => {
      // A single-sign-on user may have had no password until now.
      void queryClient.invalidateQueries({ queryKey: accessKeys.usersAll() });
      void queryClient.invalidateQueries({ queryKey: [...accessKeys.audit().slice(0, 3)] });
    },
  });
}

/** Names and display names of every user, to pick a new member from. */
export function useUserDirectory(enabled = true) {
  return useQuery({ queryKey: accessKeys.userDirectory(), queryFn: ({ signal }) => apiClient.userDirectory({ signal }), enabled });
}

/** One page of the audit log (newest first); the previous page stays on screen while the next loads. */
export function useAudit(params: AuditQueryInput) {
  return useQuery({
    queryKey: accessKeys.audit(params),
    queryFn: ({ signal }) => apiClient.audit(params, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
