"""Shared set-up of the oracle jobs: each job is one Spark application writing its event log into
$ORACLE_EVENT_LOG_DIR with the release's default event-log settings, plus what the job itself sets."""
import os

import pyspark
from pyspark import SparkConf, SparkContext
from pyspark.sql import SparkSession

SPARK3 = pyspark.__version__.startswith("3.")


def session(name, conf=None, conf35=None, master="local[4]"):
    """conf applies to every release; conf35 only to 3.5 (the codec/layout variants users set there)."""
    log_dir = os.environ["ORACLE_EVENT_LOG_DIR"]
    # A SparkConf of its own (not SparkSession.builder, whose options outlive a session), so that
    # run_jobs.py can run one job after another in one JVM, each a Spark application with its own settings.
    settings = {
        "spark.master": master,
        "spark.app.name": f"oracle-{name}",
        "spark.eventLog.enabled": "true",
        "spark.eventLog.dir": "file://" + os.path.abspath(log_dir),
        "spark.ui.enabled": "false",
        "spark.sql.shuffle.partitions": "4",
        "spark.driver.memory": "512m",
        **(conf or {}),
        **((conf35 or {}) if SPARK3 else {}),
    }
    sc = SparkContext(conf=SparkConf(loadDefaults=False).setAll(list(settings.items())))
    sc.setLogLevel("ERROR")
    return SparkSession(sc)


def done(spark):
    spark.stop()
