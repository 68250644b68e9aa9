import { describe, expect, it } from 'vitest';
import { MASKED_SUFFIX, REDACTED, SPARK_DEFAULT_REDACTION, maskAccessIds, redactPairs } from '../../src/server/api/redaction.js';

describe('secrets in Spark properties', () => {
  const pairs: [string, string][] = [
    ['spark.hadoop.odps.access.key', 'n0tAr3alK3y'],
    ['odps.access.key', 'n0tAr3alK3y'],
    ['spark.hadoop.odps.access.id', 'LTAI5tExampleId'],
    ['odps.access.id', 'LTAI5tExampleId'],
    ['spark.app.name', 'nightly'],
    ['spark.some.password', 'hunter2'],
  ];
  const shown = new Map(maskAccessIds(redactPairs(pairs, SPARK_DEFAULT_REDACTION)));

  it("redacts access keys and passwords with Spark's default regex", () => {
    expect(shown.get('spark.hadoop.odps.access.key')).toBe(REDACTED);
    expect(shown.get('odps.access.key')).toBe(REDACTED);
    expect(shown.get('spark.some.password')).toBe(REDACTED);
  });

  it('masks MaxCompute access ids to their first four characters', () => {
    expect(shown.get('spark.hadoop.odps.access.id')).toBe(`LTAI${MASKED_SUFFIX}`);
    expect(shown.get('odps.access.id')).toBe(`LTAI${MASKED_SUFFIX}`);
    expect(shown.get('spark.app.name')).toBe('nightly');
  });
});
