import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../api/apiError.js';
import { attachment } from './contentDisposition.js';

/**
 * A `Range` header against a file of `size` bytes, as RFC 9110 §14 reads it: one byte range (`bytes=a-b`,
 * `bytes=a-`, `bytes=-n`) is served; one that starts past the end (or `bytes=-0`) is unsatisfiable (416);
 * anything else (several ranges, another unit, bad syntax) is ignored and the whole file sent, which the RFC
 * allows a server to do with any Range.
 */
export function parseRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const last = m[2] === '' ? Infinity : Number(m[2]);
  if (last < start) return undefined; // invalid: a last position before the first is ignored, not refused
  return start < size ? { start, end: Math.min(last, size - 1) } : 'unsatisfiable';
}

/**
 * Sends a file as it stands at the request: its length is taken first, so a log that keeps growing is sent
 * whole up to that point (never a body longer than its Content-Length). Honours one byte `Range`. A read
 * error later (the file shrank or vanished) aborts this response only.
 */
export function sendFileAsOfNow(req: FastifyRequest, reply: FastifyReply, file: string, contentType: string, fileName: string): FastifyReply {
  const size = fs.statSync(file).size;
  return sendBytesAsOfNow(req, reply, { size, stream: (start, end) => fs.createReadStream(file, { start, end: end - 1 }) }, contentType, fileName);
}

/** Something of a length fixed up front that can stream any range of itself (a file, a log of rolled pieces). */
export interface SizedSource {
  readonly size: number;
  /** Bytes [start, end). */
  stream(start: number, end: number): Readable;
}

/** `sendFileAsOfNow` for any sized source. */
export function sendBytesAsOfNow(req: FastifyRequest, reply: FastifyReply, source: SizedSource, contentType: string, fileName: string): FastifyReply {
  const size = source.size;
  reply.type(contentType).header('Content-Disposition', attachment(fileName)).header('Accept-Ranges', 'bytes');
  let start = 0;
  let end = size - 1;
  const range = req.headers.range;
  const r = range === undefined ? undefined : parseRange(range, size);
  if (r === 'unsatisfiable') throw new ApiError(416, `range not satisfiable: ${range} (file is ${size} bytes)`, { 'Content-Range': `bytes */${size}` });
  if (r) {
    ({ start, end } = r);
    reply.code(206).header('Content-Range', `bytes ${start}-${end}/${size}`);
  }
  reply.header('Content-Length', String(Math.max(0, end - start + 1)));
  if (size === 0) return reply.send('');
  return reply.send(source.stream(start, end + 1));
}
