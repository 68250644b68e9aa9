import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_POLICY } from '../../src/server/auth/sessionStore.js';
import { configFromArgs } from '../../src/server/cli.js';

describe('serve: session lifetimes', () => {
  const logs = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-console-cli-'));

  it('default to the session policy (in milliseconds)', () => {
    const config = configFromArgs(['--event-logs', logs]);
    expect(config.session).toEqual({ idleMs: DEFAULT_SESSION_POLICY.idleMs, maxMs: DEFAULT_SESSION_POLICY.maxMs });
  });

  it('take --session-idle-minutes and --session-max-hours', () => {
    const config = configFromArgs(['--event-logs', logs, '--session-idle-minutes', '30', '--session-max-hours', '2']);
    expect(config.session).toEqual({ idleMs: 30 * 60_000, maxMs: 2 * 3_600_000 });
  });
});
