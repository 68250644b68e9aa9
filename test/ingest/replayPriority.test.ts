import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE, SAMPLE_ID, tempDir } from '../reliability/helpers.js';
import { type ServerHandle, startServerProcess } from '../support/serverProcess.js';

/**
 * Issue 9 (12): replay workers run niced, the request thread does not. Linux keeps a nice value per thread,
 * shown in field 19 of /proc/<pid>/task/<tid>/stat; the main thread's tid is the process id.
 */
const root = tempDir('priority');
let server: ServerHandle | undefined;

afterAll(async () => {
  await server?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

/** Nice value of each thread of a process, by thread id. */
function threadNice(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // The command name in parentheses may hold spaces: fields are counted after its closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), Number(fields[19 - 3]));
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

// The server inherits the tests' nice value: run niced already, there is no normal priority to compare with.
describe.runIf(process.platform === 'linux' && os.getPriority() === 0)('replay priority', () => {
  it('the replay worker thread runs at nice 10 while the request thread keeps nice 0', async () => {
    fs.copyFileSync(SAMPLE, path.join(root, SAMPLE_ID));
    // Replay workers start on first use and stay: after the first replay one is alive.
    server = await startServerProcess(['--event-logs', root, '--ingest-workers', '1']);
    const pid = server.process.pid!;
    const nice = threadNice(pid);
    const seen = `threads and their nice values: ${JSON.stringify([...nice])}`;
    expect(nice.get(pid), seen).toBe(0);
    // Exactly the one worker: threads it does not own (libuv's pool, V8's) keep the server's priority.
    expect([...nice].filter(([, n]) => n === 10), seen).toHaveLength(1);
    // The request thread still answers.
    expect((await fetch(`${server.url}/api/v1/applications/${SAMPLE_ID}/jobs`)).status).toBe(200);
  });
});
