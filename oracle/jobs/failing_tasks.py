"""Task failures: a stage whose tasks fail once and succeed on retry, then a job whose task always fails
(maxFailures 3 via local[4,3]), so the job and its stage fail. On 3.5 a rolling log."""
from _common import done, session
from pyspark import TaskContext

spark = session(
    "failing-tasks",
    master="local[4,3]",
    conf35={"spark.eventLog.rolling.enabled": "true", "spark.eventLog.rolling.maxFileSize": "10m"},
)
sc = spark.sparkContext


def flaky(x):
    ctx = TaskContext.get()
    if ctx.partitionId() % 2 == 0 and ctx.attemptNumber() == 0:
        raise RuntimeError("transient failure on first attempt")
    return x * 2


sc.parallelize(range(100), 4).map(flaky).sum()


def broken(x):
    if TaskContext.get().partitionId() == 1:
        raise ValueError("this partition always fails")
    return x


try:
    sc.parallelize(range(100), 4).map(broken).count()
except Exception:
    pass
done(spark)
