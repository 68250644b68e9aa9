import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import yazl from 'yazl';
import { sparkRoutes } from '../../api/routes.js';
import { sparkErrors } from '../../api/spark/errors.js';
import { notFound } from '../api/apiError.js';
import type { CatalogView } from '../api/catalogView.js';
import { attachment } from '../http/contentDisposition.js';

/** One zip entry: a file as it stood when the request came (its length then), never what it grew to since. */
export interface FileAsOfNow {
  readonly realPath: string;
  readonly entryName: string;
  readonly size: number;
  readonly mtime: Date;
}

export function snapshot(realPath: string, entryName: string): FileAsOfNow | undefined {
  const st = fs.statSync(realPath, { throwIfNoEntry: false });
  return st?.isFile() ? { realPath, entryName, size: st.size, mtime: st.mtime } : undefined;
}

/** Exactly `size` bytes from the start of the file; a file that shrank since ends early and fails the entry. */
function readFirstBytes(f: FileAsOfNow): Readable {
  return f.size === 0 ? Readable.from([]) : fs.createReadStream(f.realPath, { start: 0, end: f.size - 1 });
}

/**
 * Spark's event-log download: a zip of the attempts' log files, byte for byte, streamed straight from disk
 * without touching the replayed stores (SPARK-33215). A single file becomes one entry named after the file;
 * a rolling log becomes its `eventlog_v2_…/` folder with every file in it.
 *
 * A log still being written is zipped as it stood at the request (each file's length is fixed up front), so
 * the archive is whole. Any later read error (a file shrank or vanished) aborts this response only.
 */
export async function sendEventLogZip(reply: FastifyReply, catalog: CatalogView, appId: string, attemptId: string | undefined): Promise<FastifyReply> {
  const app = catalog.application(appId);
  const attempts = app?.attempts.filter((a) => attemptId === undefined || a.attemptId === attemptId) ?? [];
  if (!app || attempts.length === 0) throw notFound(sparkErrors.noSuchApp(appId, attemptId));

  const output = zipOfFiles(eventLogEntries(attempts));
  const fileName = attemptId === undefined ? `eventLogs-${appId}.zip` : `eventLogs-${appId}-${attemptId}.zip`;
  return reply.header('Content-Type', sparkRoutes.logs.withoutAttempt.response.contentType).header('Content-Disposition', attachment(fileName)).send(output);
}

export type ZipEntry = FileAsOfNow | { readonly folder: string };

/** The files of the attempts' event logs as zip entries under `prefix`, each length taken now. */
export function eventLogEntries(attempts: readonly { readonly path: string }[], prefix = ''): ZipEntry[] {
  const entries: ZipEntry[] = [];
  for (const a of attempts) {
    const st = fs.statSync(a.path, { throwIfNoEntry: false });
    if (st?.isDirectory()) {
      const folder = prefix + path.basename(a.path);
      entries.push({ folder });
      // Hidden files (Hadoop's `.…crc` checksums) are not part of the log, and Spark's zip leaves them out.
      for (const name of fs.readdirSync(a.path).sort().filter((n) => !n.startsWith('.'))) {
        const f = snapshot(path.join(a.path, name), `${folder}/${name}`);
        if (f) entries.push(f);
      }
    } else if (st) {
      const f = snapshot(a.path, prefix + path.basename(a.path));
      if (f) entries.push(f);
    }
  }
  return entries;
}

/**
 * A streamed zip of the entries: one file open at a time, each read for exactly the length it had when the
 * entry was made, so memory stays flat and a growing file cannot break the archive. A read error (a file
 * that shrank or vanished) destroys the stream: that response fails, nothing else.
 */
export function zipOfFiles(entries: readonly ZipEntry[]): Readable {
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as Readable;
  zip.on('error', (err: Error) => output.destroy(err));
  for (const f of entries) {
    if ('folder' in f) {
      zip.addEmptyDirectory(f.folder);
      continue;
    }
    zip.addReadStreamLazy(f.entryName, { size: f.size, mtime: f.mtime }, (cb) => {
      const stream = readFirstBytes(f);
      stream.on('error', (err) => zip.emit('error', err));
      cb(null, stream);
    });
  }
  zip.end();
  return output;
}
