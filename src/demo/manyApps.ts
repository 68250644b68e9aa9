// Many small applications in one log directory, for listing benchmarks (e.g. 10 000 logs).
// Each is a complete, real-shaped log (header with a full EnvironmentUpdate, executors, one
// short job) so a lister must read head and tail like it would for real logs. About 1 in 10
// is still running (.inprogress, no ApplicationEnd), 1 in 10 is a rolling directory, and
// compressed codecs are mixed in when the encoders are available.

import * as fs from 'node:fs';
import { Prng, deriveSeed } from './prng.js';
import { runApp, type AppSpec } from './appScenario.js';
import { loadEncoderFactory } from './eventLogFiles.js';
import { demoProjects } from './projects.js';
import { MAXCOMPUTE_VERSIONS } from './sparkVersions.js';
import { localAppId, yarnAppId, type Codec } from './naming.js';
import { DEFAULT_NOW } from './workspace.js';

export interface ManyAppsOptions {
  dir: string;
  count: number;
  seed?: number;
}

export async function generateManyApps(opts: ManyAppsOptions): Promise<void> {
  const seed = (opts.seed ?? 11) >>> 0;
  fs.mkdirSync(opts.dir, { recursive: true });
  const encoders = await loadEncoderFactory();
  const projects = demoProjects(3);
  const lines = ['2.4', '3.1', '3.4', '3.5'] as const;
  const span = 30 * 24 * 3600_000;
  const clusterTs = DEFAULT_NOW - span - 3600_000;
  for (let i = 0; i < opts.count; i++) {
    const rng = new Prng(deriveSeed(seed, 'many', i));
    const line = lines[i % lines.length]!;
    const v3 = line !== '2.4';
    const start = DEFAULT_NOW - span + Math.round((i * span) / Math.max(1, opts.count)) + rng.int(0, 60_000);
    const local = i % 17 === 5;
    const running = i % 10 === 3;
    const rolling = v3 && i % 10 === 7;
    let codec: Codec = 'none';
    if (encoders && i % 3 === 1) codec = v3 && line !== '3.1' ? 'zstd' : 'lz4';
    const spec: AppSpec = {
      project: projects[i % projects.length]!,
      appId: local ? localAppId(start) : yarnAppId(clusterTs, i + 1),
      yarnAttempt: 1,
      name: rng.pick(['SparkPi', 'dws_order_daily', 'risk_score_daily', 'api_latency_agg', 'log_cleaner']),
      jobClass: 'SmallJob',
      user: rng.pick(['dataworks', 'alice', 'bob', 'dave']),
      version: MAXCOMPUTE_VERSIONS[line],
      mode: local ? 'local' : 'yarn',
      kind: 'tiny',
      layout: rolling ? 'rolling' : 'single',
      codec,
      startTime: start,
      seed: deriveSeed(seed, 'app', i),
      running,
    };
    const res = runApp(spec, { eventLogDir: opts.dir, appLogDir: null, encoders });
    if (running) {
      res.sim!.settle();
      res.writer!.close({ completed: false, mtimeMs: res.sim!.clock });
    }
  }
}
