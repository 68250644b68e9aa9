"""A skewed stage: one partition holds almost all records (an RDD shuffle and a skewed DataFrame join)."""
from _common import done, session
from pyspark.sql import functions as F

spark = session("skewed", conf={"spark.sql.adaptive.skewJoin.enabled": "true"})
sc = spark.sparkContext
data = sc.parallelize([(0 if i % 100 else i, i) for i in range(60000)], 4)
data.groupByKey(4).mapValues(len).collect()

big = spark.range(0, 40000).select(F.when(F.col("id") % 50 == 0, F.col("id")).otherwise(F.lit(1)).alias("k"), F.col("id"))
small = spark.range(0, 1000).select(F.col("id").alias("k"), (F.col("id") * 2).alias("v"))
spark.conf.set("spark.sql.autoBroadcastJoinThreshold", "-1")
big.join(small, "k").groupBy("k").count().collect()
done(spark)
