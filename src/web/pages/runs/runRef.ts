import type { AppRef, RunSummary } from '../../../api/index.js';

/** A run as an AppRef (the attempt it was summarised from). */
export const runRef = (run: RunSummary): AppRef => (run.attemptId === undefined ? { appId: run.appId } : { appId: run.appId, attemptId: run.attemptId });

/** `appId` or `appId/attempt`: how a picked run is written in the URL. */
export const runKey = (run: AppRef): string => (run.attemptId === undefined ? run.appId : `${run.appId}/${run.attemptId}`);

export function runFromKey(key: string): AppRef {
  const slash = key.indexOf('/');
  return slash < 0 ? { appId: key } : { appId: key.slice(0, slash), attemptId: key.slice(slash + 1) };
}
