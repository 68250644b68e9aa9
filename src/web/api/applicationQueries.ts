import { useQuery } from '@tanstack/react-query';
import { appKeys, type AppRef, type ApplicationAttemptInfo } from '../../api/index.js';
import { apiClient } from './apiClient.js';

/** `applications/{appId}`: the application with every attempt (newest first). */
export function useApplication(appId: string) {
  return useQuery({
    queryKey: appKeys.application(appId),
    queryFn: ({ signal }) => apiClient.application(appId, { signal }),
  });
}

/**
 * The attempt a page shows: the addressed one, or the only one of an attempt-less application. Only the attempt
 * is returned: spreading the query result would make every caller re-render on any change of the query.
 */
export function useAppAttempt(app: AppRef): { attempt: ApplicationAttemptInfo | undefined } {
  const application = useApplication(app.appId);
  const attempt =
    application.data === undefined
      ? undefined
      : app.attemptId === undefined
        ? application.data.attempts.find((a) => a.attemptId === undefined) ?? application.data.attempts[0]
        : application.data.attempts.find((a) => a.attemptId === app.attemptId);
  return { attempt };
}
