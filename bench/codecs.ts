// Decode throughput per event-log codec, on one core, fed 1 MiB input chunks.
// Prints MB/s of decoded output; no assertions (tests never time things).
//
//   npx tsc -p tsconfig.build.json && node dist/bench/codecs.js [sizeMB]
// or, compiling only what this benchmark needs:
//   npx tsc --outDir dist --rootDir . --module nodenext --target es2022 --skipLibCheck --types node bench/codecs.ts
//   node dist/bench/codecs.js [sizeMB]
//
// Input: the conformance event logs concatenated until ~sizeMB (default 100) of real-shaped
// JSON lines, encoded with this project's Spark-framing encoders, flushing where Spark does.
// zstd is also measured on really-compressed frames from the zstd CLI when it is installed:
// one frame per Spark flush point (as Spark 3.x writes) and one frame for the whole file.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Decompress } from 'fzstd';
import { createEncoder } from '../src/demo/encoders/index.js';
import { type CodecName, createDecoder } from '../src/server/eventlog/codecs/index.js';

const EVENTS_DIR = '/work/shared/conformance/spark-events';
const ZSTD_CLI = '/usr/bin/zstd';
const CHUNK = 1 << 20;
const ROUNDS = 5;

/** Events after which Spark's event logger flushes (spec §1.7). */
const FLUSHING = /"Event":"(SparkListener(StageCompleted|JobStart|JobEnd|BlockManagerAdded|BlockManagerRemoved|UnpersistRDD|ApplicationStart|ApplicationEnd|ExecutorAdded|ExecutorRemoved|BlockUpdated|ResourceProfileAdded)|[^"]*\.[^"]*)"/;

function buildPlainLog(targetBytes: number): Uint8Array {
  const files = readdirSync(EVENTS_DIR).sort().map((f) => readFileSync(join(EVENTS_DIR, f)));
  const parts: Buffer[] = [];
  let total = 0;
  while (total < targetBytes) {
    for (const f of files) {
      parts.push(f);
      total += f.length;
    }
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** Splits the log into the byte ranges between Spark flush points. */
function flushSegments(plain: Uint8Array): Uint8Array[] {
  const segments: Uint8Array[] = [];
  const text = Buffer.from(plain.buffer, plain.byteOffset, plain.length);
  let segStart = 0;
  let lineStart = 0;
  for (;;) {
    const nl = text.indexOf(0x0a, lineStart);
    if (nl < 0) break;
    const head = text.toString('latin1', lineStart, Math.min(nl, lineStart + 200));
    lineStart = nl + 1;
    if (FLUSHING.test(head)) {
      segments.push(plain.subarray(segStart, lineStart));
      segStart = lineStart;
    }
  }
  if (segStart < plain.length) segments.push(plain.subarray(segStart));
  return segments;
}

function encode(codec: CodecName, segments: Uint8Array[]): Uint8Array {
  const enc = createEncoder(codec);
  const out: Uint8Array[] = [];
  for (const s of segments) {
    out.push(enc.write(s));
    out.push(enc.flush());
  }
  out.push(enc.end());
  return new Uint8Array(Buffer.concat(out));
}

function decodeOnce(codec: CodecName, bytes: Uint8Array): number {
  const d = createDecoder(codec, { truncatedTailOk: false });
  let n = 0;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    for (const c of d.push(bytes.subarray(i, i + CHUNK))) n += c.length;
  }
  for (const c of d.end()) n += c.length;
  return n;
}

/** Reference: fzstd's streaming Decompress fed the same chunks, without this project's framing layer. */
function decodeWithFzstdAlone(bytes: Uint8Array): number {
  let n = 0;
  const d = new Decompress((c) => {
    n += c.length;
  });
  for (let i = 0; i < bytes.length; i += CHUNK) d.push(bytes.subarray(i, i + CHUNK), false);
  d.push(new Uint8Array(0), true);
  return n;
}

function measure(label: string, codec: CodecName, bytes: Uint8Array, expected: number, decode = decodeOnce): void {
  decode(codec, bytes); // warm-up
  let best = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    const n = decode(codec, bytes);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (n !== expected) throw new Error(`${label}: decoded ${n} bytes, expected ${expected}`);
    best = Math.min(best, ms);
  }
  const mbps = expected / 1e6 / (best / 1000);
  const ratio = expected / bytes.length;
  console.log(`${label.padEnd(58)} ${mbps.toFixed(0).padStart(6)} MB/s  (${(expected / 1e6).toFixed(1)} MB decoded, ratio ${ratio.toFixed(2)}, best of ${ROUNDS})`);
}

function zstdCli(args: string[], input: Uint8Array): Uint8Array {
  return new Uint8Array(execFileSync(ZSTD_CLI, args, { input, maxBuffer: 1 << 30 }));
}

const sizeMB = Number(process.argv[2] ?? 100);
const plain = buildPlainLog(sizeMB * 1e6);
const segments = flushSegments(plain);
console.log(`input: ${(plain.length / 1e6).toFixed(1)} MB of event-log JSON, ${segments.length} Spark flush points, ${CHUNK}-byte input chunks`);

measure('none (pass-through, no work)', 'none', plain, plain.length);
for (const codec of ['lz4', 'snappy', 'lzf', 'zstd'] as const) {
  const label = codec === 'zstd' ? 'zstd (project encoder: raw blocks, frame/flush)' : `${codec} (Spark framing)`;
  measure(label, codec, encode(codec, segments), plain.length);
}

if (existsSync(ZSTD_CLI)) {
  measure('zstd -1 CLI, one frame for the whole file', 'zstd', zstdCli(['-q', '-1', '-c'], plain), plain.length);
  // Spark 3.x: one frame per flush, from a stream of unknown size (window log 19). Spawning
  // the CLI per frame is slow, so use the first ~2000 flush segments.
  const sample = segments.slice(0, 2000);
  const sampleBytes = sample.reduce((n, s) => n + s.length, 0);
  const frames = new Uint8Array(Buffer.concat(sample.map((s) => zstdCli(['-q', '-1', '--no-check', '-c'], s))));
  measure(`zstd -1 CLI, frame per flush (${sample.length} frames)`, 'zstd', frames, sampleBytes);
  measure('  same frames, fzstd Decompress alone (reference)', 'zstd', frames, sampleBytes, (_c, b) => decodeWithFzstdAlone(b));
} else {
  console.log('zstd CLI not found; skipping really-compressed zstd figures');
}
