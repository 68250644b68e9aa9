import { useMemo } from 'react';
import { useParams } from 'react-router';
import type { AppRef } from '../../api/index.js';
import { appRefFromParams } from '../lib/appPaths.js';

/** The application (and attempt) the current `/apps/:appId/:attempt/…` route addresses. */
export function useAppRef(): AppRef {
  const { appId, attempt } = useParams();
  if (appId === undefined) throw new Error('useAppRef used outside an /apps/:appId route');
  return useMemo(() => appRefFromParams(appId, attempt), [appId, attempt]);
}
