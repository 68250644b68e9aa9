import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONFORMANCE } from '../support/serverProcess.js';

export const SAMPLE_ID = 'local-1422981780767';
export const SAMPLE = path.join(CONFORMANCE, 'spark-events', SAMPLE_ID);
export const sampleText = () => fs.readFileSync(SAMPLE, 'utf8');

/** The sample log with its App ID replaced, so each copy is its own application. */
export function sampleAs(appId: string, text = sampleText()): string {
  return text.split(`"App ID":"${SAMPLE_ID}"`).join(`"App ID":"${appId}"`);
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `spark-console-${prefix}-`));
}

export async function getJson(url: string): Promise<{ status: number; body: any; text: string }> {
  const res = await fetch(url);
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // plain-text error
  }
  return { status: res.status, body, text };
}

export async function status(url: string): Promise<any> {
  return (await getJson(`${url}/api/console/status`)).body;
}

/** Waits until the server has finished `n` more scans of its roots (no wall-clock assertion, only a bound). */
export async function waitForScans(url: string, n = 2, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = (await status(url)).lastScanAt;
  let seen = 0;
  while (seen < n) {
    if (Date.now() > deadline) throw new Error('scans did not happen in time');
    await new Promise((r) => setTimeout(r, 50));
    const at = (await status(url)).lastScanAt;
    if (at !== last) {
      seen++;
      last = at;
    }
  }
}

/** Polls `check` until it returns true (bounded, never asserted on time). */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs = 30_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not hold in time`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const storeFiles = (dataDir: string) =>
  fs.readdirSync(path.join(dataDir, 'apps')).filter((f) => f.endsWith('.db')).sort();

/** Whether this process may mount a tmpfs (root in a container that allows it); else full-disk tests are skipped. */
export function canMountTmpfs(scratch: string): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = fs.mkdtempSync(path.join(scratch, 'probe-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  fs.rmSync(probe, { recursive: true, force: true });
  return ok;
}
