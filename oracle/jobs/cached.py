"""A cached DataFrame and a persisted RDD, with block updates in the log. On 3.5 lz4-compressed."""
from _common import done, session
from pyspark import StorageLevel
from pyspark.sql import functions as F

spark = session(
    "cached",
    conf={"spark.eventLog.logBlockUpdates.enabled": "true"},
    conf35={"spark.eventLog.compress": "true", "spark.eventLog.compression.codec": "lz4"},
)
df = spark.range(0, 50000).select(F.col("id"), (F.col("id") % 10).alias("k")).cache()
df.count()
df.groupBy("k").count().collect()
rdd = spark.sparkContext.parallelize(range(10000), 4).map(lambda x: (x % 7, x)).persist(StorageLevel.MEMORY_AND_DISK)
rdd.count()
gone = spark.sparkContext.parallelize(range(100), 2).cache()
gone.count()
gone.unpersist(blocking=True)
done(spark)
