"""A job cancelled through its job group while its tasks run (cancelJobGroup), then a normal job."""
import threading
import time

from _common import done, session

spark = session("killed-job")
sc = spark.sparkContext


def run():
    sc.setJobGroup("doomed", "a job the driver cancels", interruptOnCancel=True)
    try:
        sc.parallelize(range(8), 8).map(lambda x: time.sleep(30) or x).count()
    except Exception:
        pass


t = threading.Thread(target=run)
t.start()
time.sleep(4)
sc.cancelJobGroup("doomed")
t.join()
sc.parallelize(range(10), 2).count()
done(spark)
