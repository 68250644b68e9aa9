import { useQuery } from '@tanstack/react-query';
import { appKeys, type AppRef } from '../../api/index.js';
import { apiClient } from './apiClient.js';

/** Runtime, Spark/Hadoop/system properties, classpath and resource profiles (already redacted by the server). */
export function useEnvironment(app: AppRef) {
  return useQuery({ queryKey: appKeys.app(app).environment(), queryFn: ({ signal }) => apiClient.environment(app, { signal }) });
}
