import { describe, expect, it } from 'vitest';
import type { SqlNodeFacts } from '../../src/server/diagnostics/diagnosticsInput.js';
import { largeBroadcastRule } from '../../src/server/diagnostics/rules/largeBroadcast.js';
import { smallFilesRule } from '../../src/server/diagnostics/rules/smallFiles.js';
import { sqlMetricTotal } from '../../src/server/diagnostics/sqlMetricValue.js';
import { input } from './facts.js';

const MB3 = 3 * 1024 ** 2;
const node = (nodeName: string, metrics: Record<string, number>): SqlNodeFacts => ({ executionId: 2, description: 'insert overwrite table t', nodeId: 7, nodeName, metrics });

describe('SQL metric display strings read back as numbers', () => {
  it('reads sums, sizes and totals of per-task sizes', () => {
    expect(sqlMetricTotal('1,234')).toBe(1234);
    expect(sqlMetricTotal('10.0 GiB')).toBe(10 * 1024 ** 3);
    expect(sqlMetricTotal('total (min, med, max (stageId: taskId))\n2.5 MiB (1.0 KiB, 2.0 KiB, 3.0 KiB (stage 1.0: task 3))')).toBe(2.5 * 1024 ** 2);
    expect(sqlMetricTotal('N/A')).toBeUndefined();
    expect(sqlMetricTotal('total (min, med, max (stageId: taskId))\n1.2 s (1 ms, 2 ms, 3 ms (stage 1.0: task 3))')).toBeUndefined();
  });
});

describe('small files rule (> 100 files averaging < 3 MB)', () => {
  it('fires on 101 files read averaging just under 3 MB, linking the SQL execution', () => {
    const [f] = smallFilesRule(input({ sqlNodes: [node('Scan parquet sales.orders', { 'number of files read': 101, 'size of files read': 101 * MB3 - 1 })] }));
    expect(f).toMatchObject({ rule: 'smallFiles', id: 'smallFiles:2.7.read', links: [{ kind: 'sql', executionId: 2 }] });
  });
  it('fires on small files written', () => {
    const [f] = smallFilesRule(input({ sqlNodes: [node('Execute InsertIntoHadoopFsRelationCommand', { 'number of written files': 500, 'written output': 500 * 1024 })] }));
    expect(f!.id).toBe('smallFiles:2.7.written');
  });
  it('does not fire at 100 files, nor at a 3 MB average', () => {
    expect(smallFilesRule(input({ sqlNodes: [node('Scan parquet t', { 'number of files read': 100, 'size of files read': 100 })] }))).toEqual([]);
    expect(smallFilesRule(input({ sqlNodes: [node('Scan parquet t', { 'number of files read': 200, 'size of files read': 200 * MB3 })] }))).toEqual([]);
  });
});

describe('large broadcast rule (> 1 GB)', () => {
  it('fires one byte above 1 GB and not at 1 GB', () => {
    const [f] = largeBroadcastRule(input({ sqlNodes: [node('BroadcastExchange HashedRelationBroadcastMode', { 'data size': 1024 ** 3 + 1 })] }));
    expect(f).toMatchObject({ rule: 'largeBroadcast', links: [{ kind: 'sql', executionId: 2 }] });
    expect(largeBroadcastRule(input({ sqlNodes: [node('BroadcastExchange HashedRelationBroadcastMode', { 'data size': 1024 ** 3 })] }))).toEqual([]);
  });
});
