import { useQuery } from '@tanstack/react-query';
import { appKeys, type AppRef } from '../../api/index.js';
import { apiClient } from './apiClient.js';

/** Ranked findings: why the attempt failed or was slow (console diagnostics). */
export function useDiagnostics(app: AppRef) {
  return useQuery({ queryKey: appKeys.app(app).diagnostics(), queryFn: ({ signal }) => apiClient.diagnostics(app, { signal }) });
}
