import fs from 'node:fs';
import path from 'node:path';

/*
 * A running application for the live-update specs: Spark's sample log local-1422981780767 under another app id,
 * written as an `.inprogress` log that stops after its first job. A spec appends the next job's events and
 * watches the page update through the server's change stream, without a reload.
 */

export const LIVE_APP_ID = 'local-1422981780767-live';
const SOURCE_APP_ID = 'local-1422981780767';

function sourceLines(conformanceDir: string): string[] {
  const text = fs.readFileSync(path.join(conformanceDir, 'spark-events', SOURCE_APP_ID), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(SOURCE_APP_ID).join(LIVE_APP_ID));
}

/** Index just past the n-th SparkListenerJobEnd line. */
function afterJobEnd(lines: string[], n: number): number {
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes('"Event":"SparkListenerJobEnd"') && ++seen === n) return i + 1;
  }
  throw new Error(`the sample log has fewer than ${n} jobs`);
}

/** Writes the in-progress log with the first job only; returns its path. */
export function writeLiveLog(conformanceDir: string, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${LIVE_APP_ID}.inprogress`);
  const lines = sourceLines(conformanceDir);
  fs.writeFileSync(file, `${lines.slice(0, afterJobEnd(lines, 1)).join('\n')}\n`);
  return file;
}

/** Appends the events of the second job (if not appended yet), as a running Spark driver would. */
export function appendSecondJob(conformanceDir: string, file: string): void {
  const lines = sourceLines(conformanceDir);
  const current = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').length;
  const target = afterJobEnd(lines, 2);
  if (current < target) fs.appendFileSync(file, `${lines.slice(current, target).join('\n')}\n`);
}
