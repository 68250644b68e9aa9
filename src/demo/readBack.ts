// Reads generated event logs back (tests and sanity checks): finds every log in a folder
// (single files and eventlog_v2_ rolling directories), decodes it with the project's codec
// layer and parses the lines. Not used by generation itself.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { createDecoder, codecFromFileName, type CodecName } from '../server/eventlog/codecs/index.js';

export interface LogEntry {
  /** File or rolling directory. */
  path: string;
  name: string;
  layout: 'single' | 'rolling';
  inProgress: boolean;
  /** Files holding the events, in order. */
  files: string[];
}

export function listEventLogs(dir: string): LogEntry[] {
  const out: LogEntry[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) {
      if (!name.startsWith('eventlog_v2_')) continue;
      const entries = fs.readdirSync(p);
      const files = entries
        .filter((f) => f.startsWith('events_'))
        .sort((a, b) => Number(a.split('_')[1]) - Number(b.split('_')[1]))
        .map((f) => path.join(p, f));
      const status = entries.find((f) => f.startsWith('appstatus_'));
      out.push({ path: p, name, layout: 'rolling', inProgress: !status || status.endsWith('.inprogress'), files });
    } else {
      out.push({ path: p, name, layout: 'single', inProgress: name.endsWith('.inprogress'), files: [p] });
    }
  }
  return out;
}

export function codecOfFile(file: string): CodecName {
  return codecFromFileName(path.basename(file)) ?? 'none';
}

/** Decoded text of one log (all rolling files concatenated). */
export function readLogText(entry: LogEntry): string {
  let text = '';
  for (const f of entry.files) {
    const codec = codecOfFile(f);
    const raw = fs.readFileSync(f);
    if (codec === 'none') {
      text += raw.toString('utf8');
      continue;
    }
    const d = createDecoder(codec, { truncatedTailOk: entry.inProgress });
    const parts = [...d.push(raw), ...d.end()];
    text += Buffer.concat(parts.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength))).toString('utf8');
  }
  return text;
}

export type SparkEvent = Record<string, unknown> & { Event: string };

export function readEvents(entry: LogEntry): SparkEvent[] {
  const text = readLogText(entry);
  const out: SparkEvent[] = [];
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    out.push(JSON.parse(line) as SparkEvent);
  }
  return out;
}
