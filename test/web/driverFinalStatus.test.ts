import { describe, expect, it } from 'vitest';
import { driverFinalStatus } from '../../src/web/pages/app/driverFinalStatus.js';

describe('driverFinalStatus', () => {
  it('reads the last "Final app status" line of a YARN driver log, with its reason', () => {
    const log = [
      '26/02/28 15:48:33 INFO ApplicationMaster: Final app status: UNDEFINED, exitCode: 0',
      '26/02/28 15:48:33 ERROR ApplicationMaster: User class threw exception: boom',
      '26/02/28 15:48:33 INFO ApplicationMaster: Final app status: FAILED, exitCode: 15, (reason: User class threw exception: org.apache.spark.SparkException: Job aborted)',
      '26/02/28 15:48:34 INFO ShutdownHookManager: Shutdown hook called',
    ].join('\n');
    expect(driverFinalStatus(log)).toEqual({
      status: 'FAILED',
      exitCode: 15,
      reason: 'User class threw exception: org.apache.spark.SparkException: Job aborted',
      line: 'Final app status: FAILED, exitCode: 15, (reason: User class threw exception: org.apache.spark.SparkException: Job aborted)',
    });
  });

  it('has no answer for a log without the line (local or standalone drivers)', () => {
    expect(driverFinalStatus('INFO SparkContext: Successfully stopped SparkContext\n')).toBeUndefined();
    expect(driverFinalStatus('INFO ApplicationMaster: Final app status: SUCCEEDED, exitCode: 0')).toMatchObject({ status: 'SUCCEEDED', exitCode: 0 });
  });
});
