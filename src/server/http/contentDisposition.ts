/**
 * `Content-Disposition: attachment` for a file name that may come from a client or a log (an app id, an
 * executor id). Plain names keep Spark's exact header (`attachment; filename=eventLogs-X.zip`); anything else
 * gets an ASCII fallback plus RFC 6266's UTF-8 `filename*`, so quotes, control characters and non-ASCII can
 * neither inject a header nor make Node refuse to send one.
 */
export function attachment(fileName: string): string {
  if (/^[A-Za-z0-9._-]+$/.test(fileName)) return `attachment; filename=${fileName}`;
  const fallback = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
