import fs from 'node:fs';
import path from 'node:path';
import { startBenchServer, type BenchServer } from './benchServer.js';

/*
 * What sign-in and project scoping cost: the same requests on the same stores without sign-in, then with
 * sign-in as a console administrator (Basic) and as a viewer of one project of three (Bearer token).
 */

const RUNS = 60;

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function sample(server: BenchServer, url: string, headers: Record<string, string>): Promise<number[]> {
  await server.timeRequest(url, headers); // warm (a filtered list is built once per catalog build)
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await server.timeRequest(url, headers));
  return times.sort((a, b) => a - b);
}

export async function benchAuthOverhead(manyDir: string, dataDir: string, work: string, report: (name: string, value: string) => void): Promise<void> {
  // An application of the viewer's project with a stage, for the stage page's calls.
  const plain = await startBenchServer(manyDir, dataDir);
  const { projects } = (await (await fetch(`${plain.url}/api/console/facets`)).json()) as { projects: string[] };
  const config = path.join(work, 'auth-bench.json');
  fs.writeFileSync(
    config,
    JSON.stringify({
      projects: projects.map((name, i) => ({ name, members: i === 0 ? [{ user: 'viewer', role: 'viewer' }] : [] })),
      users: [
        { name: 'root', password: 'bench-root-pass', admin: true },
        { name: 'viewer', password: 'bench-viewer-pass' },
      ],
    }),
  );

  const list = (await (await fetch(`${plain.url}/api/console/apps?project=${projects[0]}&status=succeeded&limit=1`)).json()) as { items: { id: string; attemptId?: string }[] };
  const app = list.items[0]!;
  const base = `/api/v1/applications/${app.id}${app.attemptId ? `/${app.attemptId}` : ''}`;
  const stagePage = [`${base}/stages/0/0`, `${base}/stages/0/0/taskSummary?quantiles=0.0,0.25,0.5,0.75,1.0`, `${base}/stages/0/0/taskList?length=100`, `${base}/executors`];
  const once = async (server: BenchServer, headers: Record<string, string>) => ({
    list: await sample(server, '/api/v1/applications', headers),
    stage: await Promise.all(stagePage.map((u) => sample(server, u, headers))),
  });
  // A whole pass first, discarded: a server just started is still checking its 10 000 logs and compiling.
  const measure = async (server: BenchServer, headers: Record<string, string>) => (await once(server, headers), once(server, headers));
  const none = await measure(plain, {});
  await plain.stop();

  const signedIn = await startBenchServer(manyDir, dataDir, ['--auth', 'password', '--config', config]);
  const rootHeaders = { Authorization: `Basic ${Buffer.from('root:bench-root-pass').toString('base64')}` };
  const created = await fetch(`${signedIn.url}/api/console/tokens`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from('viewer:bench-viewer-pass').toString('base64')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'bench' }),
  });
  const viewerHeaders = { Authorization: `Bearer ${((await created.json()) as { token: string }).token}` };
  const admin = await measure(signedIn, rootHeaders);
  const viewer = await measure(signedIn, viewerHeaders);
  const visible = ((await (await fetch(`${signedIn.url}/api/v1/applications`, { headers: viewerHeaders })).json()) as unknown[]).length;
  await signedIn.stop();

  const fmt = (t: number[]) => `p50 ${percentile(t, 50).toFixed(1)} ms, p99 ${percentile(t, 99).toFixed(1)} ms`;
  report('GET /api/v1/applications, no sign-in', fmt(none.list));
  report('GET /api/v1/applications, administrator (Basic)', fmt(admin.list));
  report(`GET /api/v1/applications, viewer (token, ${visible} apps)`, fmt(viewer.list));
  const stageP50 = (m: { stage: number[][] }) => m.stage.reduce((sum, t) => sum + percentile(t, 50), 0) / m.stage.length;
  report('stage page calls, mean p50: no sign-in', `${stageP50(none).toFixed(2)} ms`);
  report('stage page calls, mean p50: viewer (token)', `${stageP50(viewer).toFixed(2)} ms (${signed(stageP50(viewer) - stageP50(none))} ms)`);
}
