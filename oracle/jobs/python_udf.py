"""Python UDFs in the DataFrame API and in SQL (BatchEvalPython in the plan)."""
from _common import done, session
from pyspark.sql import functions as F
from pyspark.sql.types import StringType

spark = session("python-udf")


@F.udf(returnType=StringType())
def label(n):
    return "even" if n % 2 == 0 else "odd"


df = spark.range(0, 5000).withColumn("label", label(F.col("id")))
df.groupBy("label").count().collect()
spark.udf.register("square", lambda x: x * x, "long")
spark.range(0, 1000).createOrReplaceTempView("nums")
spark.sql("SELECT sum(square(id)) FROM nums WHERE id % 3 = 0").collect()
done(spark)
