import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TASK_TABLE_SORTS } from '../src/api/console/stageTasks.js';
import { generateBenchLog } from '../src/demo/index.js';
import { startBenchServer } from './benchServer.js';

const TASKS = 200_000;
/** Written once into the repository's `.bench/` (git-ignored) and reused: the generator is seeded. */
const BENCH_HOME = path.resolve(import.meta.dirname, '..', '..', '.bench', 'task-table');

/**
 * `BENCH_PARTS=sorts`: a demo-generator log whose first stage has 200 000 tasks; then, for every sort key of the
 * console's task table, the time of a first page (20 tasks) both ways, of a page 100 000 tasks deep, and of a
 * searched page. Medians of 5 requests, as the server answers them over HTTP on this machine.
 */
export async function benchTaskTableSorts(report: (name: string, value: string) => void): Promise<void> {
  const logs = path.join(BENCH_HOME, 'logs');
  const marker = path.join(BENCH_HOME, 'app.json');
  let appId: string;
  if (fs.existsSync(marker)) {
    appId = (JSON.parse(fs.readFileSync(marker, 'utf8')) as { appId: string }).appId;
  } else {
    fs.rmSync(BENCH_HOME, { recursive: true, force: true });
    fs.mkdirSync(logs, { recursive: true });
    const t = performance.now();
    const tmp = path.join(logs, 'writing.tmp');
    const r = await generateBenchLog({ file: tmp, targetBytes: 1, tasksPerStage: TASKS });
    fs.renameSync(tmp, path.join(logs, r.appId));
    appId = r.appId;
    fs.writeFileSync(marker, JSON.stringify({ appId }));
    report('task-table log (demo generator)', `${(r.bytes / 1024 / 1024).toFixed(0)} MB, ${r.tasks} tasks (${((performance.now() - t) / 1000).toFixed(1)} s to write)`);
  }
  const dataDir = path.join(BENCH_HOME, 'data');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const server = await startBenchServer(logs, dataDir, ['--retained-tasks', '1000000']);
  try {
    const base = `/api/console/apps/${appId}/attempts/-/stages/0/0/tasks`;
    const ready = await server.timeUntil('/api/console/status', (b) => {
      const s = b as { applications: number; pendingReplays: number };
      return s.applications > 0 && s.pendingReplays === 0;
    });
    report(`cold start → ${TASKS}-task stage replayed and indexed`, `${(ready / 1000).toFixed(1)} s`);
    const first = (await (await fetch(`${server.url}${base}?length=1`)).json()) as { total: number };
    if (first.total !== TASKS) throw new Error(`stage 0 has ${first.total} tasks, expected ${TASKS}`);
    // Each of the 5 requests asks a different page (offset + i): the server caches repeated answers of a
    // finished application, and the figure is about the query, not the cache.
    const median = async (url: (i: number) => string) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) times.push(await server.timeRequest(url(i)));
      times.sort((a, b) => a - b);
      return times[2]!;
    };
    let worst = 0;
    for (const sort of TASK_TABLE_SORTS) {
      const asc = await median((i) => `${base}?sort=${sort}&offset=${i}&length=20`);
      const desc = await median((i) => `${base}?sort=${sort}&desc=true&offset=${i}&length=20`);
      const deep = await median((i) => `${base}?sort=${sort}&offset=${100_000 + i}&length=20`);
      worst = Math.max(worst, asc, desc, deep);
      report(`task page sort=${sort} (first ↑ / first ↓ / offset 100k)`, `${asc.toFixed(1)} / ${desc.toFixed(1)} / ${deep.toFixed(1)} ms`);
    }
    report('task page, slowest of all sorts above', `${worst.toFixed(1)} ms`);
    // A search counts its matches over the whole attempt (once per filter, then cached), so the first page of
    // a new search is the slow one: five different searches.
    const searches = ['SUCCESS', 'PROCESS', 'NODE_LOCAL', 'no-such-text', 'Exception'];
    report('task page, new search (count + first page, sort=duration ↓)', `${(await median((i) => `${base}?search=${searches[i]}&sort=duration&desc=true&length=20`)).toFixed(1)} ms`);
    report('task page, next page of a search (sort=gcTime)', `${(await median((i) => `${base}?search=SUCCESS&sort=gcTime&offset=${20 * (i + 1)}&length=20`)).toFixed(1)} ms`);
  } finally {
    await server.stop();
  }
}
