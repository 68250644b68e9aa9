import { sparkErrors } from '../../api/spark/errors.js';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import yazl from 'yazl';
import { notFound } from '../api/apiError.js';
import type { AppCatalog } from '../api/appCatalog.js';

/**
 * Spark's event-log download: a zip of the attempts' log files, byte for byte, streamed straight from disk
 * without touching the replayed stores (SPARK-33215). A single file becomes one entry named after the file;
 * a rolling log becomes its `eventlog_v2_…/` folder with every file in it.
 */
export async function sendEventLogZip(reply: FastifyReply, catalog: AppCatalog, appId: string, attemptId: string | undefined): Promise<FastifyReply> {
  const app = catalog.application(appId);
  const attempts = app?.attempts.filter((a) => attemptId === undefined || a.attemptId === attemptId) ?? [];
  if (!app || attempts.length === 0) throw notFound(sparkErrors.noSuchApp(appId, attemptId));

  const zip = new yazl.ZipFile();
  for (const a of attempts) {
    const st = fs.statSync(a.path, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) {
      const dir = path.basename(a.path);
      zip.addEmptyDirectory(dir);
      for (const name of fs.readdirSync(a.path).sort()) {
        const full = path.join(a.path, name);
        if (fs.statSync(full).isFile()) zip.addFile(full, `${dir}/${name}`);
      }
    } else {
      zip.addFile(a.path, path.basename(a.path));
    }
  }
  zip.end();
  const fileName = attemptId === undefined ? `eventLogs-${appId}.zip` : `eventLogs-${appId}-${attemptId}.zip`;
  return reply
    .header('Content-Type', 'application/octet-stream')
    .header('Content-Disposition', `attachment; filename=${fileName}`)
    .send(zip.outputStream);
}
