/**
 * The names Spark's event-log writers give an application attempt's log (EventLogFileWriter): the sanitized
 * app id (Utils.sanitizeDirName), `_<attempt>` when the cluster manager gave one, then for a single file a
 * codec extension and `.inprogress`, and for a rolling log the folder `eventlog_v2_<name>`. With them an
 * application the scan has not found yet can be looked up directly, as Spark 4.1's History Server does.
 */

const CODEC_EXTENSIONS = ['', '.lz4', '.lzf', '.snappy', '.zstd'];

/** Utils.sanitizeDirName: space, `:` and `/` become `-`; `.`, `$`, braces and quotes become `_`; lower case. */
export function sanitizeForFileName(text: string): string {
  return text.replace(/[ :/]/g, '-').replace(/[.${}'"]/g, '_').toLowerCase();
}

/**
 * Every file or folder name the attempt's log can have. Without an attempt id, the first attempt's names
 * (`_1`, YARN's) are tried too, so `/applications/<id>` finds a cluster-mode application.
 */
export function logNamesForApp(appId: string, attemptId: string | undefined): string[] {
  const attempts = attemptId === undefined ? [undefined, '1'] : [attemptId];
  const names: string[] = [];
  for (const attempt of attempts) {
    const base = attempt === undefined ? sanitizeForFileName(appId) : `${sanitizeForFileName(appId)}_${sanitizeForFileName(attempt)}`;
    names.push(`eventlog_v2_${base}`);
    for (const ext of CODEC_EXTENSIONS) names.push(`${base}${ext}`, `${base}${ext}.inprogress`);
  }
  return names;
}
