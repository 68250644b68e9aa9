import type { Diagnostics } from '../../api/console/diagnostics.js';
import type { AppStoreReader } from '../store/appStoreReader.js';
import { collectInput } from './collectInput.js';
import { diagnose } from './diagnose.js';

/** The diagnostics of one application attempt, from its store; `appEnd` undefined while it has not ended. */
export function appDiagnostics(store: AppStoreReader, appStart: number, appEnd: number | undefined): Diagnostics {
  const { input, failedTasksTotal } = collectInput(store, appStart, appEnd);
  return { findings: diagnose(input), failedTasksRead: input.failedTasks.length, truncated: failedTasksTotal > input.failedTasks.length };
}
