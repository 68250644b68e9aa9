import { describe, expect, it } from 'vitest';
import { matchByName, planLines, propertyDifferences } from '../../src/server/runs/compareRuns.js';

describe('matching two runs', () => {
  it('pairs the k-th occurrence of a name with the k-th, then lists what only the other run has', () => {
    const rows = matchByName(['count at A.scala:1', 'save at A.scala:9', 'count at A.scala:1'], ['count at A.scala:1', 'collect at A.scala:5'], (s) => s);
    expect(rows).toEqual([
      { name: 'count at A.scala:1', a: 'count at A.scala:1', b: 'count at A.scala:1' },
      { name: 'save at A.scala:9', a: 'save at A.scala:9', b: null },
      { name: 'count at A.scala:1', a: 'count at A.scala:1', b: null },
      { name: 'collect at A.scala:5', a: null, b: 'collect at A.scala:5' },
    ]);
  });

  it('lists changed and one-sided properties first, the run ids after them', () => {
    const diff = propertyDifferences(
      [['spark.app.id', 'app-1'], ['spark.executor.memory', '16g'], ['spark.serializer', 'kryo'], ['spark.new', 'x']],
      [['spark.app.id', 'app-2'], ['spark.executor.memory', '8g'], ['spark.serializer', 'kryo']],
    );
    expect(diff).toEqual([
      { key: 'spark.executor.memory', a: '16g', b: '8g', runSpecific: false },
      { key: 'spark.new', a: 'x', b: null, runSpecific: false },
      { key: 'spark.app.id', a: 'app-1', b: 'app-2', runSpecific: true },
    ]);
  });

  it('compares physical plans without expression ids, so only real changes remain', () => {
    const plan = (partitions: number, id: number) =>
      `== Parsed Logical Plan ==\nProject [a#${id}]\n\n== Physical Plan ==\nAdaptiveSparkPlan isFinalPlan=true\n+- HashAggregate(keys=[shop_id#${id}L])\n   +- Exchange hashpartitioning(shop_id#${id}L, ${partitions}), ENSURE_REQUIREMENTS, [plan_id=${id}]\n\n(1) Scan parquet\nOutput: [a#${id}]`;
    expect(planLines(plan(200, 12))).toEqual(planLines(plan(200, 99)));
    const a = planLines(plan(400, 12));
    const b = planLines(plan(200, 99));
    expect(a.filter((l) => !b.includes(l)).map((l) => l.trim())).toEqual(['+- Exchange hashpartitioning(shop_id, 400), ENSURE_REQUIREMENTS,']);
  });
});

describe('query signatures', () => {
  it("match a daily job's queries whatever their date literals, and tell different queries apart", async () => {
    const { sqlSignature } = await import('../../src/server/runs/compareRuns.js');
    const q = (ds: string) => `INSERT OVERWRITE TABLE dws_order PARTITION (ds='${ds}') SELECT shop_id, SUM(amount) FROM ods_order WHERE ds='${ds}' AND amount > 0 GROUP BY shop_id`;
    expect(sqlSignature(q('20260227'))).toBe(sqlSignature(q('20260228')));
    expect(sqlSignature(q('20260227'))).not.toBe(sqlSignature('SELECT COUNT(1) FROM ods_order WHERE ds=\'20260227\''));
  });
});
