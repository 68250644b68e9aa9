import { type Json, arr, bool, num, obj, optStr, str } from './eventJson.js';

/** What a TaskEnd does to the completed / failed / killed / active counters (spec §4.4). */
export interface ReasonDeltas {
  completed: number;
  failed: number;
  killed: number;
  /** Resubmitted does not decrement active tasks (SPARK-41187). */
  active: number;
}

const SUCCEEDED: ReasonDeltas = Object.freeze({ completed: 1, failed: 0, killed: 0, active: -1 });
const KILLED: ReasonDeltas = Object.freeze({ completed: 0, failed: 0, killed: 1, active: -1 });
const RESUBMITTED: ReasonDeltas = Object.freeze({ completed: 0, failed: 1, killed: 0, active: 0 });
const FAILED: ReasonDeltas = Object.freeze({ completed: 0, failed: 1, killed: 0, active: -1 });

export function reasonDeltas(reason: Json | undefined): ReasonDeltas {
  switch (reasonName(reason)) {
    case 'Success':
      return SUCCEEDED;
    case 'TaskKilled':
    case 'TaskCommitDenied':
      return KILLED;
    case 'Resubmitted':
      return RESUBMITTED;
    default:
      return FAILED;
  }
}

export function reasonName(reason: Json | undefined): string {
  return reason ? str(reason['Reason'], 'UnknownReason') : 'Success';
}

/** The task's REST `errorMessage`: none for Success, the raw kill reason for TaskKilled, else toErrorString. */
export function taskErrorMessage(reason: Json | undefined): string | undefined {
  const name = reasonName(reason);
  if (name === 'Success') return undefined;
  if (name === 'TaskKilled') return killReason(reason!);
  return errorString(reason!);
}

/** Key used in killedTasksSummary, or undefined when the reason is not a kill. */
export function killedSummaryKey(reason: Json | undefined): string | undefined {
  const name = reasonName(reason);
  if (name === 'TaskKilled') return killReason(reason!);
  if (name === 'TaskCommitDenied') return errorString(reason!);
  return undefined;
}

function killReason(reason: Json): string {
  return str(reason['Kill Reason'], 'unknown reason');
}

/** Spark's TaskEndReason.toErrorString for every reason the JSON protocol knows. */
export function errorString(reason: Json): string {
  switch (reasonName(reason)) {
    case 'Success':
      return 'Success';
    case 'Resubmitted':
      return 'Resubmitted (resubmitted due to lost executor)';
    case 'TaskResultLost':
      return 'TaskResultLost (result lost from block manager)';
    case 'TaskKilled':
      return `TaskKilled (${killReason(reason)})`;
    case 'TaskCommitDenied':
      return (
        `TaskCommitDenied (Driver denied task commit) for job: ${num(reason['Job ID'], -1)}, ` +
        `partition: ${num(reason['Partition ID'], -1)}, attemptNumber: ${num(reason['Attempt Number'], -1)}`
      );
    case 'ExecutorLostFailure': {
      const byApp = bool(reason['Exit Caused By App'], true);
      const behaviour = byApp ? 'caused by one of the running tasks' : 'unrelated to the running tasks';
      const lossReason = optStr(reason['Loss Reason']);
      return (
        `ExecutorLostFailure (executor ${str(reason['Executor ID'], 'Unknown')} exited ${behaviour})` +
        (lossReason !== undefined ? ` Reason: ${lossReason}` : '')
      );
    }
    case 'FetchFailed': {
      const bm = obj(reason['Block Manager Address']);
      const bmText = bm ? `BlockManagerId(${str(bm['Executor ID'])}, ${str(bm['Host'])}, ${num(bm['Port'])}, None)` : 'null';
      const mapIndex = reason['Map Index'] === undefined || reason['Map Index'] === null ? 'Unknown' : String(num(reason['Map Index']));
      return (
        `FetchFailed(${bmText}, shuffleId=${num(reason['Shuffle ID'])}, mapIndex=${mapIndex}, ` +
        `mapId=${num(reason['Map ID'])}, reduceId=${num(reason['Reduce ID'])}, message=\n${str(reason['Message'], 'Unknown Reason')}\n)`
      );
    }
    case 'ExceptionFailure': {
      const full = reason['Full Stack Trace'];
      if (typeof full === 'string') return full;
      const description = optStr(reason['Description']) ?? '';
      const frames = arr(reason['Stack Trace']).map((f) => '        ' + stackFrameString(f)).join('\n');
      return `${str(reason['Class Name'])}: ${description}\n${frames}`;
    }
    case 'UnknownReason':
      return 'UnknownReason';
    default:
      // A reason this reader does not know (newer Spark or a fork): keep its name rather than failing.
      return str(reason['Reason'], 'UnknownReason');
  }
}

/** java.lang.StackTraceElement#toString for the fields the event log carries. */
function stackFrameString(frame: unknown): string {
  const f = obj(frame) ?? {};
  const cls = str(f['Declaring Class']);
  const method = str(f['Method Name']);
  const file = optStr(f['File Name']);
  const line = num(f['Line Number'], -1);
  let where: string;
  if (line === -2) where = 'Native Method';
  else if (file === undefined) where = 'Unknown Source';
  else if (line >= 0) where = `${file}:${line}`;
  else where = file;
  return `${cls}.${method}(${where})`;
}
