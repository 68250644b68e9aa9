import { describe, expect, it } from 'vitest';
import { spillRule } from '../../src/server/diagnostics/rules/spill.js';
import { input, stage } from './facts.js';

describe('spill rule (spilled bytes > 0, largest first)', () => {
  it('fires for one spilled byte and ranks stages by spilled size', () => {
    const f = spillRule(input({ stages: [stage({ stageId: 1, memoryBytesSpilled: 1 }), stage({ stageId: 2, memoryBytesSpilled: 2_048, diskBytesSpilled: 1_024 })] }));
    expect(f.map((x) => x.links[0]!.stageId)).toEqual([2, 1]);
    expect(f[0]!.title).toBe('Spill in stage 2.0: 2.0 KiB from memory, 1.0 KiB to disk');
    expect(f[0]!.severity).toBe('warning');
    expect(f[1]!.severity).toBe('info');
  });
  it('does not fire at 0 bytes', () => {
    expect(spillRule(input({ stages: [stage()] }))).toEqual([]);
  });
});
