/**
 * Which History Server a log is answered as. Answers follow Spark 3.5's REST layer (SPARK_API_VERSION); a log
 * written by Spark 4 or later is answered as Spark 4's History Server answers it, with the fields it adds
 * (attempts' exitCode and log source, SQL queryId/errorMessage/rootExecutionId/modifiedConfigs, plan-node desc).
 */
export function isSpark4Log(sparkVersion: string | null | undefined): boolean {
  const major = Number.parseInt(sparkVersion ?? '', 10);
  return Number.isFinite(major) && major >= 4;
}
