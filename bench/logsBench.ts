import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBenchServer } from './benchServer.js';

/*
 * `BENCH_PARTS=logs`: historical driver/executor logs at size. Writes a 2 GB and a 1 GB executor log under
 * `.bench/` (BENCH_LOGS_DIR overrides), then prints: time to the last page of the 2 GB log; whole-file
 * search speed over the 1 GB log next to `grep -c -F` on the same file in the same run (page cache warm for
 * both); and the server's peak RSS while it streams the multi-GB all-logs zip. The files are deleted after.
 */

const MB = 1024 * 1024;
const APP = 'app-20200706201101-0003';
const NEEDLE = 'OutOfMemoryError';

/** Writes `bytes` of log4j-shaped lines; one line in `needleEvery` names the needle. Returns the needle lines. */
function writeLog(file: string, bytes: number, needleEvery: number): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'w');
  let written = 0;
  let line = 0;
  let needles = 0;
  try {
    while (written < bytes) {
      const lines: string[] = [];
      let blockBytes = 0;
      while (blockBytes < 8 * MB) {
        const s = line % 60;
        const text =
          line % needleEvery === needleEvery - 1
            ? `20/07/06 20:11:${String(s).padStart(2, '0')} ERROR Executor: Exception in task ${line}.0 in stage 3.0 (TID ${line}): java.lang.${NEEDLE}: Java heap space`
            : `20/07/06 20:11:${String(s).padStart(2, '0')} INFO Executor: Finished task ${line}.0 in stage 3.0 (TID ${line}). 2245 bytes result sent to driver`;
        if (line % needleEvery === needleEvery - 1) needles++;
        lines.push(text);
        blockBytes += text.length + 1;
        line++;
      }
      const block = `${lines.join('\n')}\n`;
      fs.writeSync(fd, block);
      written += block.length;
    }
  } finally {
    fs.closeSync(fd);
  }
  return needles;
}

async function timeJson(url: string): Promise<{ ms: number; body: unknown }> {
  const t = performance.now();
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return { ms: performance.now() - t, body };
}

export async function benchLogs(sample: string, report: (name: string, value: string) => void): Promise<void> {
  const root = process.env.BENCH_LOGS_DIR ?? path.resolve(import.meta.dirname, '..', '..', '.bench', 'logs');
  const bigGb = Number(process.env.BENCH_LOGS_GB ?? 2);
  fs.rmSync(root, { recursive: true, force: true });
  try {
    const events = path.join(root, 'event-logs');
    const appLogs = path.join(root, 'app-logs');
    fs.mkdirSync(events, { recursive: true });
    fs.copyFileSync(sample, path.join(events, APP));
    let t = performance.now();
    const big = path.join(appLogs, APP, '1', 'stderr');
    const searched = path.join(appLogs, APP, '2', 'stderr');
    writeLog(big, bigGb * 1024 * MB, 100_000);
    const needles = writeLog(searched, 1024 * MB, 20_000);
    report('logs: files written', `${bigGb} GB + 1 GB in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const base = `/api/console/apps/${APP}/logs`;
    let server = await startBenchServer(events, path.join(root, 'data'), ['--app-logs', appLogs]);
    await server.timeUntilOk(base);
    // Last page of the 2 GB log: what the viewer asks first (its last 100 KiB).
    const tails: number[] = [];
    for (let i = 0; i < 5; i++) tails.push((await timeJson(`${server.url}${base}/1/stderr?offset=-1&length=102400`)).ms);
    report(`logs: last page of a ${bigGb} GB log (first / median of 5)`, `${tails[0]!.toFixed(1)} ms / ${[...tails].sort((a, b) => a - b)[2]!.toFixed(1)} ms`);

    // Whole-file search over 1 GB against grep on the same file, page cache warmed by a first pass of each.
    spawnSync('grep', ['-c', '-F', NEEDLE, searched]);
    t = performance.now();
    const grep = spawnSync('grep', ['-c', '-F', NEEDLE, searched], { encoding: 'utf8' });
    const grepMs = performance.now() - t;
    const url = (q: string) => `${server.url}${base}/2/stderr/search?${q}`;
    await timeJson(url(`q=${NEEDLE}&matchCase=true&limit=1`));
    const plain = await timeJson(url(`q=${NEEDLE}&matchCase=true&limit=1`));
    const folded = await timeJson(url(`q=${NEEDLE.toLowerCase()}&limit=1`));
    const regex = await timeJson(url(`q=${encodeURIComponent('ERROR .*OutOfMemory')}&regex=true&limit=1`));
    const total = (plain.body as { total: number }).total;
    report('logs: grep -c -F over 1 GB', `${grepMs.toFixed(0)} ms (${grep.stdout.trim()} lines; ${needles} written)`);
    const ratio = (ms: number) => `${ms.toFixed(0)} ms, ${((1024 / ms) * 1000).toFixed(0)} MB/s, ${(grepMs / ms).toFixed(2)}× grep's speed`;
    report('logs: search 1 GB, plain text, case kept', `${ratio(plain.ms)} (${total} matches)`);
    report('logs: search 1 GB, plain text, any case', ratio(folded.ms));
    report('logs: search 1 GB, regular expression', ratio(regex.ms));
    await server.stop();

    // The all-logs zip of every file (multi-GB) on a fresh server, so its peak RSS is the zip's.
    server = await startBenchServer(events, path.join(root, 'data'), ['--app-logs', appLogs]);
    await server.timeUntilOk(base);
    t = performance.now();
    const res = await fetch(`${server.url}/api/console/apps/${APP}/all-logs.zip`);
    let zipped = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) zipped += chunk.length;
    const zipMs = performance.now() - t;
    const rss = await server.stop();
    report(
      'logs: all-logs zip streamed',
      `${((fs.statSync(big).size + fs.statSync(searched).size) / MB / 1024).toFixed(1)} GB of logs → ${(zipped / MB).toFixed(0)} MB zip in ${(zipMs / 1000).toFixed(1)} s`,
    );
    report('logs: server peak RSS while streaming the zip', `${(rss / MB).toFixed(0)} MB`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
