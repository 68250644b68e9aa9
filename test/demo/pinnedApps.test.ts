import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../src/demo/index.js';

/** `pinned` adds named catalog apps to a small workspace without changing the planned ones. */
const roots: string[] = [];
const opts = { seed: 7, apps: 6, now: Date.UTC(2026, 2, 2, 2, 0, 0) };

afterAll(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-pinned-'));
  roots.push(dir);
  return dir;
}

/** Every file under `dir` (relative) with its bytes. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const p = path.join(dir, rel);
    if (fs.statSync(p).isFile() && rel !== 'workspace.json') out.set(rel, fs.readFileSync(p));
  }
  return out;
}

describe('pinned demo applications', () => {
  it('adds the rolled standalone app and the structured-log app, and leaves the planned apps byte for byte', async () => {
    const plainDir = tempDir();
    const pinnedDir = tempDir();
    const plain = await generateWorkspace({ dir: plainDir, ...opts });
    const pinned = await generateWorkspace({ dir: pinnedDir, ...opts, pinned: ['dim_shop_sync', 'feature_debug'] });

    expect(pinned.apps.slice(0, plain.apps.length).map((a) => a.appId)).toEqual(plain.apps.map((a) => a.appId));
    const added = pinned.apps.slice(plain.apps.length);
    expect(added.map((a) => [a.name, a.mode])).toEqual([
      ['dim_shop_sync', 'standalone'],
      ['feature_debug', 'local'],
    ]);
    const before = files(plainDir);
    const after = files(pinnedDir);
    for (const [rel, bytes] of before) expect(after.get(rel)?.equals(bytes), rel).toBe(true);
    // The standalone app's executor logs are rolled, older pieces gzipped; the other's driver log is JSON lines.
    const rolled = [...after.keys()].filter((rel) => rel.includes(added[0]!.appId) && /stderr--.*\.gz$/.test(rel));
    expect(rolled.length).toBeGreaterThan(0);
    const firstLine = fs.readFileSync(added[1]!.driverLogPath!, 'utf8').split('\n')[0]!;
    expect(JSON.parse(firstLine)).toMatchObject({ level: expect.any(String), logger: expect.any(String), msg: expect.any(String) });
  });

  it('refuses a name the catalog does not have', async () => {
    await expect(generateWorkspace({ dir: tempDir(), ...opts, pinned: ['no_such_app'] })).rejects.toThrow(/no catalog application no_such_app/);
  });
});
