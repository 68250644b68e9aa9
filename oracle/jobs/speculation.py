"""Speculation on, one straggler task. Only the settings reach the log: Spark runs no speculation checker in
local mode (TaskSchedulerImpl skips it when isLocal), and a speculative copy never runs on the host of the
original, so real speculative attempts need executors on other hosts, which one machine cannot give."""
import time

from _common import done, session
from pyspark import TaskContext

spark = session(
    "speculation",
    conf={
        "spark.speculation": "true",
        "spark.speculation.interval": "100ms",
        "spark.speculation.multiplier": "1.5",
        "spark.speculation.quantile": "0.5",
        "spark.speculation.minTaskRuntime": "200ms",
    },
)


def slow(x):
    if TaskContext.get().partitionId() == 3:
        time.sleep(3)
    return x


spark.sparkContext.parallelize(range(80), 8).map(slow).count()
done(spark)
