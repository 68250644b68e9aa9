/**
 * The driver's final word in its log. YARN's ApplicationMaster writes "Final app status: FAILED, exitCode: 15,
 * (reason: …)" when the application ends; the last such line of the log's tail is the one that counts.
 */
export interface DriverFinalStatus {
  status: string;
  exitCode: number;
  reason?: string;
  /** The line as written, for searching it in the log viewer. */
  line: string;
}

const FINAL_STATUS = /Final app status: (\w+), exitCode: (-?\d+)(?:, \(reason: (.*)\))?/g;

export function driverFinalStatus(logText: string): DriverFinalStatus | undefined {
  let last: RegExpExecArray | undefined;
  for (const m of logText.matchAll(FINAL_STATUS)) last = m;
  if (last === undefined) return undefined;
  const found: DriverFinalStatus = { status: last[1]!, exitCode: Number(last[2]), line: last[0] };
  if (last[3] !== undefined && last[3] !== '') found.reason = last[3];
  return found;
}
