"""A driver that dies without its end event: after a job, the JVM is killed (SIGKILL, so no shutdown hook
writes SparkListenerApplicationEnd) and Python exits with os._exit. The log stays in progress."""
import os
import signal
import time

from _common import session

spark = session("crashed")
spark.sparkContext.parallelize(range(1000), 4).map(lambda x: x + 1).sum()
df = spark.range(0, 1000)
df.groupBy((df.id % 3).alias("m")).count().collect()
time.sleep(2)  # the listener bus writes and flushes the job's events
pid = spark.sparkContext._jvm.java.lang.ProcessHandle.current().pid()
os.kill(pid, signal.SIGKILL)
os._exit(1)
