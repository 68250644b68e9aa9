"""Speculation on, one straggler task. (In local mode Spark submits the speculative task but never runs
the copy on the same host, so the log has SparkListenerSpeculativeTaskSubmitted without a second attempt.)"""
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
