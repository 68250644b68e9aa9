import type { FastifyReply } from 'fastify';
import { consoleRoutes } from '../../api/console/consoleRoutes.js';
import type { AppLogFiles } from '../logs/appLogFiles.js';
import { attachment } from '../http/contentDisposition.js';
import { eventLogEntries, zipOfFiles, type ZipEntry } from './eventLogZip.js';

/**
 * Every log of an application as one streamed zip: the driver log, each executor's stdout/stderr with their
 * rolled pieces as they lie on disk (a `.gz` piece stays gzipped), and the event log of every attempt.
 *
 *   <appId>/driver/<appId>_driver.log
 *   <appId>/executors/<executorId>/stdout, stdout--<suffix>[.gz], stderr…
 *   <appId>/eventlog/<event log file or eventlog_v2_… folder>
 *
 * Lengths are all taken before the first byte goes out (see zipOfFiles), so logs that keep growing are
 * zipped as they stood and the archive is whole; memory is one file's read buffer whatever the total.
 */
export function appLogsZipEntries(logs: AppLogFiles, appId: string, project: string | null, attempts: readonly { readonly path: string }[]): ZipEntry[] {
  const entries: ZipEntry[] = [];
  for (const { executorId, log } of logs.logs(appId, project)) {
    const folder = executorId === 'driver' ? `${appId}/driver` : `${appId}/executors/${executorId}`;
    for (const piece of log.pieces) {
      entries.push({ realPath: piece.path, entryName: `${folder}/${piece.name}`, size: piece.storedSize, mtime: new Date(piece.mtimeMs) });
    }
  }
  entries.push(...eventLogEntries(attempts, `${appId}/eventlog/`));
  return entries;
}

export function sendAppLogsZip(reply: FastifyReply, entries: readonly ZipEntry[], appId: string): FastifyReply {
  const { contentType } = consoleRoutes.appLogsZip.response;
  return reply.header('Content-Type', contentType).header('Content-Disposition', attachment(`${appId}-logs.zip`)).send(zipOfFiles(entries));
}
