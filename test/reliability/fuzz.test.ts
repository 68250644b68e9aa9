import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFORMANCE, type ServerHandle, startServerProcess, waitForIngest } from '../support/serverProcess.js';
import { tempDir } from './helpers.js';

/**
 * Issue 9 fuzz: 1 000 corrupted variants of Spark's sample logs (fixed seed) served by one server. Every
 * /api/v1 endpoint of every application is asked: no 5xx, no hang, the server stays up, and every log whose
 * ApplicationStart survived is listed (the others are listed as unreadable).
 */
const VARIANTS = 1000;
const SEED = 0x5eed_0009;
const LONG_MAX = '9223372036854775807';

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const samplesDir = path.join(CONFORMANCE, 'spark-events');
const samples = fs
  .readdirSync(samplesDir)
  .sort()
  .map((name) => {
    const text = fs.readFileSync(path.join(samplesDir, name), 'utf8');
    const appId = /"App ID":"([^"]+)"/.exec(text)![1]!;
    return { name, text, appId };
  });

type Mutator = (lines: string[], r: () => number) => string[];
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const index = (r: () => number, n: number) => Math.floor(r() * n);

/** Values of the wrong type or out of the range Spark writes. */
const HOSTILE: unknown[] = [
  null, true, false, '', 'NaN', '12abc', -1, 0, 1.5, -2.25, 1e308, -1e308, 2 ** 53 + 1, 2147483648, -2147483649,
  [], [1, 2], {}, { x: 1 }, 'x'.repeat(5000), '\u202e\u0000', Number(LONG_MAX), -Number(LONG_MAX),
];

/** Rewrites raw JSON text: a number, string or literal value after a key → a hostile value (also ±Long.Max as text). */
function hostileValue(r: () => number): string {
  if (r() < 0.25) return pick(r, [LONG_MAX, `-${LONG_MAX}`, '1.5', '-0.5', '1e400']);
  return JSON.stringify(pick(r, HOSTILE));
}

/** Every key path of a JSON value (objects and arrays), for replacing a known field. */
function paths(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (v !== null && typeof v === 'object') {
    for (const [k, child] of Object.entries(v)) {
      const p = [...prefix, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      if (out.length < 2000) paths(child, p, out);
    }
  }
  return out;
}

const mutators: Record<string, Mutator> = {
  byteFlips: (lines, r) => {
    const text = Buffer.from(lines.join('\n'));
    for (let i = 0, n = 1 + index(r, 20); i < n; i++) text[index(r, text.length)]! ^= 1 << index(r, 8);
    return text.toString('latin1').split('\n');
  },
  truncate: (lines, r) => {
    const text = lines.join('\n');
    return text.slice(0, index(r, text.length)).split('\n');
  },
  shuffle: (lines, r) => {
    const out = [...lines];
    const from = index(r, out.length);
    const to = Math.min(out.length, from + 2 + index(r, 30));
    for (let i = to - 1; i > from; i--) {
      const j = from + index(r, i - from + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  },
  duplicate: (lines, r) => {
    const out = [...lines];
    for (let i = 0, n = 1 + index(r, 10); i < n; i++) out.splice(index(r, out.length), 0, out[index(r, out.length)]!);
    return out;
  },
  wrongTypes: (lines, r) =>
    lines.map((line) => {
      if (r() > 0.3) return line;
      let event: unknown;
      try {
        event = JSON.parse(line);
      } catch {
        return line;
      }
      const all = paths(event).filter((p) => p[0] !== 'Event' && p[0] !== 'App ID');
      for (let i = 0, n = 1 + index(r, 4); i < n && all.length > 0; i++) {
        const p = pick(r, all);
        // An earlier replacement may have turned a parent into a scalar: then the path is gone.
        let target: unknown = event;
        for (const k of p.slice(0, -1)) target = target !== null && typeof target === 'object' ? (target as Record<string | number, unknown>)[k] : undefined;
        if (target !== null && typeof target === 'object') (target as Record<string | number, unknown>)[p[p.length - 1]!] = structuredClone(pick(r, HOSTILE));
      }
      return JSON.stringify(event);
    }),
  rawValues: (lines, r) =>
    // Out-of-range numbers as text (±Long.Max, fractions): JSON.stringify cannot write them.
    lines.map((line) => (r() > 0.2 ? line : line.replace(/("[A-Za-z ]+":)(-?\d+)(?=[,}])/g, (m, key: string) => (r() < 0.2 ? key + hostileValue(r) : m)))),
  nulBytes: (lines, r) =>
    lines.map((line) => {
      if (r() > 0.1 || line.length === 0) return line;
      const at = index(r, line.length);
      return line.slice(0, at) + '\u0000'.repeat(1 + index(r, 3)) + line.slice(at);
    }),
  unknownEvents: (lines, r) => {
    const out = [...lines];
    for (let i = 0, n = 1 + index(r, 5); i < n; i++) {
      const event = pick(r, [
        { Event: 'SparkListenerNotAnEvent', x: 1 },
        { Event: 'org.example.CustomEvent', payload: { deep: [1, 2, 3] } },
        { Event: 'SparkListenerTaskEnd' },
        { Event: 'SparkListenerStageCompleted', 'Stage Info': null },
        { Event: 'SparkListenerJobEnd', 'Job ID': 99999, 'Job Result': { Result: 'JobFailed' } },
        { Event: 'SparkListenerBlockUpdated', 'Block Updated Info': { 'Block ID': 'rdd_7_1' } },
        { Event: 'SparkListenerApplicationEnd', Timestamp: -1 },
        { Event: 42 },
        [1, 2, 3],
      ]);
      out.splice(index(r, out.length), 0, JSON.stringify(event));
    }
    return out;
  },
  reorder: (lines, r) => {
    // Out-of-order events: ends before starts, tasks before their stage.
    const out = [...lines];
    for (let i = 0, n = 1 + index(r, 8); i < n; i++) {
      const [line] = out.splice(index(r, out.length), 1);
      out.splice(index(r, out.length + 1), 0, line!);
    }
    return out;
  },
};
const mutatorNames = Object.keys(mutators);

/** The App ID a replay must list this log under, or undefined when no ApplicationStart survived. */
function expectedAppId(lines: string[]): string | undefined {
  let id: string | undefined;
  for (const line of lines) {
    if (!line.includes('SparkListenerApplicationStart')) continue;
    try {
      const e = JSON.parse(line);
      if (e && e.Event === 'SparkListenerApplicationStart' && typeof e['App ID'] === 'string') id = e['App ID'];
    } catch {
      // not parseable: not an ApplicationStart
    }
  }
  return id;
}

const root = tempDir('fuzz');
let server: ServerHandle | undefined;
afterAll(async () => {
  await server?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

interface Failure {
  url: string;
  status: number;
  text: string;
}

describe('fuzz', () => {
  it(`serves ${VARIANTS} corrupted logs: no 5xx, no hang, every app listed`, { timeout: 240_000 }, async () => {
    const r = rng(SEED);
    const expected = new Map<string, string>(); // key → App ID it must be listed under
    const keys: string[] = [];
    for (let v = 0; v < VARIANTS; v++) {
      const sample = samples[v % samples.length]!;
      const id = `fuzz-${String(v).padStart(4, '0')}`;
      let lines = sample.text.split(`"${sample.appId}"`).join(`"${id}"`).split('\n');
      const applied: string[] = [];
      for (let i = 0, n = 1 + index(r, 3); i < n; i++) {
        const name = pick(r, mutatorNames);
        applied.push(name);
        lines = mutators[name]!(lines, r);
      }
      const key = `${id}-${applied.join('+')}`;
      fs.writeFileSync(path.join(root, key), Buffer.from(lines.join('\n'), applied.includes('byteFlips') ? 'latin1' : 'utf8'));
      keys.push(key);
      const appId = expectedAppId(lines);
      if (appId !== undefined) expected.set(key, appId);
    }

    server = await startServerProcess(['--event-logs', root, '--scan-interval-ms', '60000'], { waitForIngest: false });
    await waitForIngest(server.url, 180_000);

    const failures: Failure[] = [];
    let requests = 0;
    const ask = async (p: string): Promise<any> => {
      requests++;
      const url = server!.url + p;
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
        const text = await res.text();
        if (res.status >= 500) failures.push({ url: p, status: res.status, text: text.slice(0, 300) });
        // Dates stay in Spark's format (a four-digit year), whatever time a log claims.
        const badDate = /"[+-]\d+-\d\d-\d\dT|"\d{5,}-\d\d-\d\dT/.exec(text);
        if (badDate) failures.push({ url: p, status: res.status, text: `date out of format: ${text.slice(badDate.index, badDate.index + 40)}` });
        if (!res.ok || !res.headers.get('content-type')?.includes('json')) return undefined;
        return JSON.parse(text);
      } catch (err) {
        failures.push({ url: p, status: 0, text: `no answer: ${(err as Error).message}` });
        return undefined;
      }
    };

    const apps: { id: string; attempts: { attemptId?: string }[] }[] = await ask('/api/v1/applications');
    expect(apps, JSON.stringify(failures.slice(0, 3))).toBeInstanceOf(Array);
    const listed = new Set(apps.map((a) => a.id));
    const status = await ask('/api/console/status');
    const unreadable = new Set<string>(status.unreadableLogs.map((u: { key: string }) => u.key));
    const missing = [...expected].filter(([, id]) => !listed.has(id)).map(([key, id]) => `${key} (${id})`);
    expect(missing, 'logs with an ApplicationStart that are not listed').toEqual([]);
    const lost = keys.filter((k) => !expected.has(k) && !unreadable.has(k) && !listed.has(k.slice(0, 9)));
    expect(lost, 'logs neither listed nor listed as unreadable').toEqual([]);
    for (const q of ['?status=completed', '?status=running', '?minDate=2015-01-01', '?maxDate=2016-01-01', '?minEndDate=1970-01-01', '?limit=5']) {
      await ask(`/api/v1/applications${q}`);
    }
    await ask('/api/console/apps?limit=500');

    const crawl = async (app: (typeof apps)[number]) => {
      const enc = encodeURIComponent(app.id);
      await ask(`/api/v1/applications/${enc}`);
      const bases = app.attempts.map((a) => (a.attemptId === undefined ? `/api/v1/applications/${enc}` : `/api/v1/applications/${enc}/${encodeURIComponent(a.attemptId)}`));
      for (const base of bases) {
        if (base !== `/api/v1/applications/${enc}`) await ask(base);
        const jobs = (await ask(`${base}/jobs`)) ?? [];
        for (const j of jobs.slice(0, 3)) await ask(`${base}/jobs/${j.jobId}`);
        const stages = (await ask(`${base}/stages`)) ?? [];
        await ask(`${base}/stages?details=true&withSummaries=true`);
        for (const s of stages.slice(0, 3)) {
          await ask(`${base}/stages/${s.stageId}`);
          await ask(`${base}/stages/${s.stageId}/${s.attemptId}?details=true&withSummaries=true`);
          await ask(`${base}/stages/${s.stageId}/${s.attemptId}/taskSummary`);
          await ask(`${base}/stages/${s.stageId}/${s.attemptId}/taskList?sortBy=-runtime`);
          await ask(`${base}/stages/${s.stageId}/${s.attemptId}/taskList?length=5&offset=2`);
        }
        for (const p of ['executors', 'allexecutors', 'allmiscellaneousprocess', 'environment', 'logs']) await ask(`${base}/${p}`);
        const rdds = (await ask(`${base}/storage/rdd`)) ?? [];
        for (const rdd of rdds.slice(0, 2)) await ask(`${base}/storage/rdd/${rdd.id}`);
        const sql = (await ask(`${base}/sql?details=true`)) ?? [];
        for (const e of sql.slice(0, 2)) await ask(`${base}/sql/${e.id}`);
      }
    };
    let next = 0;
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        while (next < apps.length) await crawl(apps[next++]!);
      }),
    );

    console.log(`fuzz: ${VARIANTS} logs, ${apps.length} apps listed, ${unreadable.size} unreadable, ${requests} requests, ${failures.length} failed`);
    expect(server.process.exitCode, server.output().slice(-2000)).toBe(null);
    expect((await fetch(`${server.url}/api/v1/version`)).status).toBe(200);
    expect(failures.slice(0, 20), `${failures.length} of ${requests} requests failed`).toEqual([]);
    expect(requests).toBeGreaterThan(VARIANTS * 10);
  });
});
