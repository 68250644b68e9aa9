import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoutes } from '../../src/api/console/consoleRoutes.js';
import { compilePattern, PatternError } from '../../src/server/logs/searchPattern.js';
import { readZipEntries } from '../support/zipReader.js';
import { searchLogFile } from '../../src/server/logs/logFileSearch.js';
import { LogicalLog, orderPieces, statPiece } from '../../src/server/logs/logicalLog.js';
import { type ServerHandle, startServerProcess } from '../support/serverProcess.js';
import { SPARK_EVENTS_DIR } from '../support/sharedData.js';

/** Whole-file search of a driver/executor log: counts, byte offsets, paging both ways, bad patterns. */
const APP = 'app-20161115172038-0000';
const LINES = 20_000;
const line = (i: number) => `16/11/15 23:20:00 ${i % 1000 === 999 ? 'ERROR' : 'INFO'} Executor: line ${i}${i % 97 === 0 ? ' OutOfMemoryError' : ''} é\n`;
const ROLLED = ['first piece: alpha\nsecond line é\n', 'middle piece: alpha beta\n', 'active piece: alpha\n'];
let root: string;
let stderr: string;
let server: ServerHandle;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-logsearch-'));
  const events = path.join(root, 'event-logs', 'proj_a');
  const logs = path.join(root, 'app-logs', 'proj_a', APP, '1');
  fs.mkdirSync(events, { recursive: true });
  fs.mkdirSync(logs, { recursive: true });
  fs.copyFileSync(path.join(SPARK_EVENTS_DIR, APP), path.join(events, APP));
  stderr = path.join(logs, 'stderr');
  fs.writeFileSync(stderr, Array.from({ length: LINES }, (_, i) => line(i)).join(''));
  // Executor 2's stdout as Spark's RollingFileAppender leaves it: two rolled pieces (the older one gzipped,
  // as with spark.executor.logs.rolling.enableCompression) and the active file.
  const rolled = path.join(root, 'app-logs', 'proj_a', APP, '2');
  fs.mkdirSync(rolled);
  fs.writeFileSync(path.join(rolled, 'stdout--2016-11-15--23-20-00--0001.gz'), zlib.gzipSync(ROLLED[0]!));
  fs.writeFileSync(path.join(rolled, 'stdout--2016-11-15--23-21-00--0002'), ROLLED[1]!);
  fs.writeFileSync(path.join(rolled, 'stdout'), ROLLED[2]!);
  fs.writeFileSync(path.join(root, 'app-logs', 'proj_a', `${APP}_driver.log`), 'the driver log\n');
  fs.writeFileSync(path.join(rolled, 'stderr--2016-11-15--23-20-00--0001'), 'only a rolled stderr\n');
  server = await startServerProcess(['--event-logs', path.join(root, 'event-logs'), '--app-logs', path.join(root, 'app-logs')]);
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

const search = async (params: string) => {
  const res = await fetch(`${server.url}/api/console/apps/${APP}/logs/1/stderr/search?${params}`);
  return { status: res.status, body: res.status === 200 ? await res.json() : await res.text() };
};

/** Byte offsets of every occurrence of `needle` in the file, the slow obvious way. */
function expectedOffsets(needle: RegExp): number[] {
  const bytes = fs.readFileSync(stderr);
  const text = bytes.toString('latin1');
  return [...text.matchAll(needle)].map((m) => m.index);
}

describe('whole-file log search', () => {
  it('counts every match of the file and answers the first page with byte offsets and the line', async () => {
    const offsets = expectedOffsets(/OutOfMemoryError/g);
    const { status, body } = await search('q=outofmemoryerror&limit=5');
    expect(status).toBe(200);
    expect(body.total).toBe(offsets.length);
    expect(body.totalExact).toBe(true);
    expect(body.firstIndex).toBe(0);
    expect(body.matches.map((m: { offset: number }) => m.offset)).toEqual(offsets.slice(0, 5));
    const m = body.matches[1];
    expect(m.length).toBe('OutOfMemoryError'.length);
    expect(m.preview).toBe(line(97).trimEnd());
    expect(m.preview.slice(m.previewStart, m.previewEnd)).toBe('OutOfMemoryError');
    const bytes = fs.readFileSync(stderr);
    expect(bytes.toString('utf8', m.lineOffset, m.offset)).toBe('16/11/15 23:20:00 INFO Executor: line 97 ');
  });

  it('finds every spelling in any case, overlapping candidates included, exactly as a case-insensitive regex does', async () => {
    const file = path.join(root, 'cases');
    fs.writeFileSync(file, 'OOM oom OoM xOOMx ooom OOOM\noom\n');
    const log = new LogicalLog([statPiece(file, 'cases')!]);
    const result = await searchLogFile(log, compilePattern({ q: 'oom', regex: false, matchCase: false }), { from: 0, direction: 'forward', limit: 50 });
    const expected = [...fs.readFileSync(file, 'latin1').matchAll(/oom/gi)].map((m) => m.index);
    expect(result.matches.map((m) => m.offset)).toEqual(expected);
    const kept = await searchLogFile(log, compilePattern({ q: 'OOM', regex: false, matchCase: true }), { from: 0, direction: 'forward', limit: 50 });
    expect(kept.matches.map((m) => m.offset)).toEqual([...fs.readFileSync(file, 'latin1').matchAll(/OOM/g)].map((m) => m.index));
  });

  it('keeps case when asked to', async () => {
    expect((await search('q=outofmemoryerror&matchCase=true')).body.total).toBe(0);
    expect((await search('q=OutOfMemoryError&matchCase=true')).body.total).toBe(expectedOffsets(/OutOfMemoryError/g).length);
  });

  it('pages forward from a byte offset and backward before it, with the rank of the first match', async () => {
    const offsets = expectedOffsets(/ERROR/g);
    const from = offsets[7]! + 1;
    const forward = (await search(`q=ERROR&matchCase=true&from=${from}&limit=3`)).body;
    expect(forward.firstIndex).toBe(8);
    expect(forward.matches.map((m: { offset: number }) => m.offset)).toEqual(offsets.slice(8, 11));
    const backward = (await search(`q=ERROR&matchCase=true&from=${from}&direction=backward&limit=3`)).body;
    expect(backward.firstIndex).toBe(5);
    expect(backward.matches.map((m: { offset: number }) => m.offset)).toEqual(offsets.slice(5, 8));
    // Backward from beyond the end: the last matches of the file.
    const last = (await search(`q=ERROR&matchCase=true&from=${Number.MAX_SAFE_INTEGER}&direction=backward&limit=2`)).body;
    expect(last.matches.map((m: { offset: number }) => m.offset)).toEqual(offsets.slice(-2));
    expect(last.firstIndex).toBe(offsets.length - 2);
  });

  it('searches regular expressions line by line, byte offsets exact past multi-byte characters', async () => {
    const offsets = expectedOffsets(/^\S+ \S+ ERROR/gm);
    const { body } = await search(`q=${encodeURIComponent('^\\S+ \\S+ ERROR')}&regex=true&limit=500`);
    expect(body.total).toBe(LINES / 1000);
    expect(body.matches.map((m: { offset: number }) => m.offset)).toEqual(offsets);
    // A non-ASCII pattern: offsets count bytes, not characters.
    const accents = (await search(`q=${encodeURIComponent('line 5 é')}&limit=1`)).body;
    const expected = fs.readFileSync(stderr).indexOf(Buffer.from('line 5 é'));
    expect(accents.matches[0].offset).toBe(expected);
    expect(accents.matches[0].length).toBe(Buffer.byteLength('line 5 é'));
  });

  it('refuses invalid, empty and catastrophic patterns with 400 and a reason', async () => {
    const cases: [string, RegExp][] = [
      ['q=(a&regex=true', /invalid regular expression/],
      ['q=(a%2B)%2B&regex=true', /exponential time/],
      ['q=(a|ab)*c&regex=true', /exponential time/],
      ['q=(x%2B%2B)*&regex=true', /exponential time/],
      ['q=(a)%5C1&regex=true', /back-references/],
      ['q=a*&regex=true', /matches the empty text/],
      ['q=', /^Bad value for parameter "q"\. {2}Expected a text of 1 to 256 characters, got ""$/],
      ['', /Expected a text of 1 to 256 characters/],
      [`q=${'a'.repeat(300)}`, /Expected a text of 1 to 256 characters/],
      ['q=x&limit=100000', /limit/],
      ['q=x&direction=sideways', /direction/],
    ];
    for (const [params, message] of cases) {
      const { status, body } = await search(params);
      expect(status, params).toBe(400);
      expect(body, params).toMatch(message);
    }
  });

  it('answers from the file as it is now, never from a cached answer (a finished app\'s logs can still change)', async () => {
    const before = (await search('q=appended-later')).body;
    const chunkBefore = await (await fetch(`${server.url}/api/console/apps/${APP}/logs/1/stderr?length=10`)).json();
    fs.appendFileSync(stderr, 'appended-later\n');
    try {
      expect((await search('q=appended-later')).body.total).toBe(before.total + 1);
      const chunk = await (await fetch(`${server.url}/api/console/apps/${APP}/logs/1/stderr?length=10`)).json();
      expect(chunk.size).toBe(chunkBefore.size + 'appended-later\n'.length);
      expect(chunk.text).toBe('appended-later\n'.slice(-10));
    } finally {
      fs.truncateSync(stderr, chunkBefore.size);
    }
  });

  it('answers 404 for a log the console does not have', async () => {
    expect((await search('q=x').then((r) => r.status))).toBe(200);
    const res = await fetch(`${server.url}/api/console/apps/${APP}/logs/9/stderr/search?q=x`);
    expect(res.status).toBe(404);
  });
});

describe('search scanner', () => {
  it('finds matches across piece boundaries and in lines longer than the carried limit', async () => {
    const file = path.join(root, 'long-lines');
    // 3 MiB without a newline, then a line; the needle sits at a 1 MiB boundary and at the very end.
    const big = Buffer.alloc(3 * 1024 * 1024 + 10, 'x');
    big.write('NEEDLE', 2 * 1024 * 1024 - 3);
    fs.writeFileSync(file, Buffer.concat([big, Buffer.from('\nlast NEEDLE')]));
    const log = new LogicalLog([statPiece(file, 'long-lines')!]);
    const result = await searchLogFile(log, compilePattern({ q: 'NEEDLE', regex: false, matchCase: true }), { from: 0, direction: 'forward', limit: 10 });
    expect(result.matches.map((m) => m.offset)).toEqual([2 * 1024 * 1024 - 3, big.length + 6]);
    const viaRegex = await searchLogFile(log, compilePattern({ q: 'NEE[D]LE', regex: true, matchCase: false }), { from: 0, direction: 'forward', limit: 10 });
    expect(viaRegex.total).toBe(2);
  });

  it('compiles only safe patterns', () => {
    expect(() => compilePattern({ q: '(\\d+)*', regex: true, matchCase: false })).toThrow(PatternError);
    expect(() => compilePattern({ q: '(?=a)b', regex: true, matchCase: false })).toThrow(/look-ahead/);
    expect(compilePattern({ q: 'Exception in thread "(\\w+)"', regex: true, matchCase: false }).regex.flags).toContain('i');
    expect(compilePattern({ q: '(ERROR|WARN) \\w+:', regex: true, matchCase: true }).literal).toBeUndefined();
    expect(compilePattern({ q: 'a.b', regex: false, matchCase: true }).literal?.bytes.toString()).toBe('a.b');
    const folded = compilePattern({ q: 'OutOfMemory', regex: false, matchCase: false }).literal!;
    expect(folded.bytes.toString()).toBe('outofmemory');
    expect(folded.windowSpellings.map(String).sort()).toEqual(['FM', 'Fm', 'fM', 'fm']);
    expect(compilePattern({ q: 'OutOfMemory', regex: false, matchCase: true }).literal!.windowSpellings.map(String)).toEqual(['fM']);
    expect(compilePattern({ q: 'Ünïcode', regex: false, matchCase: false }).literal).toBeUndefined();
    expect(compilePattern({ q: 'x', regex: false, matchCase: true }).literal!.windowSpellings.map(String)).toEqual(['x']);
  });
});

describe('rolled logs (spark.executor.logs.rolling.*) read as one log', () => {
  const whole = ROLLED.join('');
  const url = (p: string) => `${server.url}/api/console/apps/${APP}/logs/2/${p}`;

  it("orders pieces as Spark's log page does: rolled by name without .gz, then the active file", () => {
    expect(orderPieces('stdout', ['stdout', 'stdout--b.gz', 'stdout--a', 'stderr', 'stdoutx', 'stdout--c'])).toEqual(['stdout--a', 'stdout--b.gz', 'stdout--c', 'stdout']);
  });

  it('lists one log per stream with its pieces and the total uncompressed size', async () => {
    const body = await (await fetch(`${server.url}/api/console/apps/${APP}/logs`)).json();
    const stdout = body.files.find((f: { executorId: string; logType: string }) => f.executorId === '2' && f.logType === 'stdout');
    expect(stdout.size).toBe(Buffer.byteLength(whole));
    expect(stdout.pieces).toEqual(['stdout--2016-11-15--23-20-00--0001.gz', 'stdout--2016-11-15--23-21-00--0002', 'stdout']);
    const stderr = body.files.find((f: { executorId: string; logType: string }) => f.executorId === '2' && f.logType === 'stderr');
    expect(stderr.size).toBe('only a rolled stderr\n'.length);
  });

  it('reads byte ranges across piece boundaries, the gzip piece inflated', async () => {
    const all = await (await fetch(url('stdout?offset=0&length=1000'))).json();
    expect(all.text).toBe(whole);
    const across = await (await fetch(url('stdout?offset=20&length=30'))).json();
    expect(across.text).toBe(Buffer.from(whole).toString('utf8', 20, 50));
    const tail = await (await fetch(url('stdout?length=10'))).json();
    expect(tail.text).toBe(whole.slice(-10));
  });

  it('downloads the concatenation, with Range over it', async () => {
    const res = await fetch(url('stdout/download'));
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(whole)));
    expect(await res.text()).toBe(whole);
    const part = await fetch(url('stdout/download'), { headers: { Range: 'bytes=30-59' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(Buffer.from(whole).subarray(30, 60))).toBe(true);
  });

  it('searches every piece, offsets in the concatenation', async () => {
    const body = await (await fetch(url('stdout/search?q=alpha&limit=10'))).json();
    const bytes = Buffer.from(whole);
    const expected: number[] = [];
    for (let at = bytes.indexOf('alpha'); at >= 0; at = bytes.indexOf('alpha', at + 1)) expected.push(at);
    expect(body.total).toBe(3);
    expect(body.matches.map((m: { offset: number }) => m.offset)).toEqual(expected);
    expect(body.matches[1].preview).toBe('middle piece: alpha beta');
  });
});

describe('all logs of an application as one zip', () => {
  it('holds the driver, every executor file with its rolled pieces as on disk, and the event log', async () => {
    const res = await fetch(`${server.url}/api/console/apps/${APP}/all-logs.zip`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=${APP}-logs.zip`);
    // As the OpenAPI document says (schemathesis found the document saying application/octet-stream).
    expect(res.headers.get('content-type')).toBe(consoleRoutes.appLogsZip.response.contentType);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const entries = readZipEntries(Buffer.from(await res.arrayBuffer()));
    const logs = path.join(root, 'app-logs', 'proj_a', APP);
    expect([...entries.keys()].sort()).toEqual(
      [
        `${APP}/driver/${APP}_driver.log`,
        `${APP}/executors/1/stderr`,
        `${APP}/executors/2/stdout--2016-11-15--23-20-00--0001.gz`,
        `${APP}/executors/2/stdout--2016-11-15--23-21-00--0002`,
        `${APP}/executors/2/stdout`,
        `${APP}/executors/2/stderr--2016-11-15--23-20-00--0001`,
        `${APP}/eventlog/${APP}`,
      ].sort(),
    );
    expect(entries.get(`${APP}/executors/1/stderr`)!.equals(fs.readFileSync(path.join(logs, '1', 'stderr')))).toBe(true);
    expect(zlib.gunzipSync(entries.get(`${APP}/executors/2/stdout--2016-11-15--23-20-00--0001.gz`)!).toString()).toBe(ROLLED[0]);
    expect(entries.get(`${APP}/eventlog/${APP}`)!.equals(fs.readFileSync(path.join(SPARK_EVENTS_DIR, APP)))).toBe(true);
  });

  it('zips a log that keeps growing as it stood at the request, and the archive stays whole', async () => {
    const file = path.join(root, 'app-logs', 'proj_a', APP, '2', 'stdout');
    const before = fs.readFileSync(file);
    const res = await fetch(`${server.url}/api/console/apps/${APP}/all-logs.zip`);
    fs.appendFileSync(file, 'grown after the request\n'.repeat(50_000));
    const entries = readZipEntries(Buffer.from(await res.arrayBuffer()));
    expect(entries.get(`${APP}/executors/2/stdout`)!.equals(before)).toBe(true);
    fs.writeFileSync(file, before);
  });

  it('answers an unknown application with 404', async () => {
    const res = await fetch(`${server.url}/api/console/apps/app-nope/all-logs.zip`);
    expect(res.status).toBe(404);
  });
});

describe('search across every log of an application', () => {
  /** The stream's events, in order. */
  async function events(params: string): Promise<{ event: string; data: Record<string, unknown> }[]> {
    const res = await fetch(`${server.url}/api/console/apps/${APP}/logs-search?${params}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await res.text();
    return text
      .split('\n\n')
      .filter((block) => block.startsWith('event: '))
      .map((block) => {
        const [head, data] = block.split('\n');
        const event = head!.slice('event: '.length);
        const parsed = JSON.parse(data!.slice('data: '.length)) as Record<string, unknown>;
        // Every event is one the contract names, with the data it declares (the OpenAPI document is made from it).
        const declared = (consoleRoutes.appLogsSearch.response.events as Record<string, { parse(v: unknown): unknown } | undefined>)[event];
        expect(declared, `event ${event} is not in the contract`).toBeDefined();
        declared!.parse(parsed);
        return { event, data: parsed };
      });
  }

  it('answers which logs hold a text: per-file counts and first matches, then the totals', async () => {
    const got = await events('q=OutOfMemoryError&perFile=2');
    const files = got.filter((e) => e.event === 'file').map((e) => e.data);
    expect(files.map((f) => `${f.executorId}/${f.logType}`)).toEqual(['driver/driver.log', '1/stderr', '2/stdout', '2/stderr']);
    const stderr = files.find((f) => f.executorId === '1')!;
    const expected = fs.readFileSync(path.join(root, 'app-logs', 'proj_a', APP, '1', 'stderr')).toString('latin1').split('OutOfMemoryError').length - 1;
    expect(stderr.total).toBe(expected);
    expect((stderr.matches as unknown[]).length).toBe(2);
    expect(files.filter((f) => f.executorId !== '1').every((f) => f.total === 0)).toBe(true);
    expect(got.at(-1)).toEqual({ event: 'done', data: { files: 4, filesWithMatches: 1, totalMatches: expected } });
  });

  it('refuses a bad pattern before streaming, with 400', async () => {
    const res = await fetch(`${server.url}/api/console/apps/${APP}/logs-search?q=(a%2B)%2B&regex=true`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/exponential/);
  });
});

describe('regular-expression searches run within a time budget', () => {
  // `a*a*a*a*!` passes the static check (no nested repeats) yet backtracks polynomially on a long run of
  // `a`: on this line it would run for hours.
  const SLOW = encodeURIComponent('a*a*a*a*!');

  beforeAll(() => {
    const dir = path.join(root, 'app-logs', 'proj_a', APP, '3');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'stderr'), `before\n${'a'.repeat(20_000)}\nafter\n`);
  });

  it('stops a runaway regex with 422 and says so, serving other requests meanwhile', async () => {
    let searchDone = false;
    const searching = fetch(`${server.url}/api/console/apps/${APP}/logs/3/stderr/search?q=${SLOW}&regex=true`).then(async (res) => {
      searchDone = true;
      return { status: res.status, text: await res.text() };
    });
    // The regex runs off the request thread: another request is answered while it runs.
    const other = await fetch(`${server.url}/api/v1/applications/${APP}`);
    expect(other.status).toBe(200);
    expect(searchDone).toBe(false);
    const { status, text } = await searching;
    expect(status).toBe(422);
    expect(text).toMatch(/regular expression search was stopped after 10 s/);
    // The server is still fine, and a harmless regex on the same log still answers.
    const ok = await fetch(`${server.url}/api/console/apps/${APP}/logs/3/stderr/search?q=${encodeURIComponent('^af+ter$')}&regex=true`);
    expect(ok.status).toBe(200);
    expect((await ok.json()).total).toBe(1);
  });

  it('runs a bounded number of regex searches at once; one more is told to retry (429)', async () => {
    const slow = () => fetch(`${server.url}/api/console/apps/${APP}/logs/3/stderr/search?q=${SLOW}&regex=true`);
    const running = [slow(), slow(), slow(), slow()];
    // Each of the four holds its worker until its budget is spent; wait until they all run.
    let extra = await slow();
    for (let i = 0; i < 50 && extra.status !== 429; i++) extra = await slow();
    expect(extra.status).toBe(429);
    expect(extra.headers.get('retry-after')).toBe('5');
    expect(await extra.text()).toMatch(/regular expression searches are already running; retry/);
    // A plain-text search needs no worker and is answered meanwhile.
    const plain = await fetch(`${server.url}/api/console/apps/${APP}/logs/3/stderr/search?q=after`);
    expect(plain.status).toBe(200);
    expect((await Promise.all(running)).map((r) => r.status)).toEqual([422, 422, 422, 422]);
  });

  it('ends a cross-log search at the log where the budget ran out, saying it stopped', async () => {
    const res = await fetch(`${server.url}/api/console/apps/${APP}/logs-search?q=${SLOW}&regex=true`);
    const text = await res.text();
    const files = text
      .split('\n\n')
      .filter((block) => block.startsWith('event: file'))
      .map((block) => JSON.parse(block.split('\n')[1]!.slice('data: '.length)) as { executorId: string; error?: string });
    const last = files.at(-1)!;
    expect(last.executorId).toBe('3');
    expect(last.error).toMatch(/stopped after 10 s .*the remaining logs were not searched/);
    expect(files.slice(0, -1).every((f) => f.error === undefined)).toBe(true);
    expect(text).toMatch(/event: done\n/);
  });
});
