"""SQL: a shuffle join and a broadcast join, aggregations and a sort, with AQE (on by default).
On 3.5 this log is zstd-compressed (spark.eventLog.compress)."""
from _common import done, session
from pyspark.sql import functions as F

spark = session(
    "sql-join-agg",
    conf={"spark.sql.adaptive.enabled": "true"},
    conf35={"spark.eventLog.compress": "true", "spark.eventLog.compression.codec": "zstd"},
)
orders = spark.range(0, 20000).select(
    F.col("id").alias("order_id"), (F.col("id") % 97).alias("customer_id"), (F.col("id") % 13 * 1.5).alias("amount")
)
customers = spark.range(0, 97).select(F.col("id").alias("customer_id"), F.concat(F.lit("c"), F.col("id")).alias("name"))
orders.createOrReplaceTempView("orders")
customers.createOrReplaceTempView("customers")

spark.conf.set("spark.sql.autoBroadcastJoinThreshold", "-1")
spark.sql(
    """SELECT c.name, count(*) AS n, sum(o.amount) AS total
       FROM orders o JOIN customers c ON o.customer_id = c.customer_id
       GROUP BY c.name ORDER BY total DESC"""
).collect()
spark.conf.set("spark.sql.autoBroadcastJoinThreshold", "10485760")
orders.join(customers, "customer_id").groupBy((F.col("customer_id") % 5).alias("bucket")).agg(F.avg("amount")).collect()
done(spark)
