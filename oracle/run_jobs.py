"""Runs oracle jobs one after another in this process (one JVM, a Spark application each):
python run_jobs.py JOB.py …  — ORACLE_EVENT_LOG_DIR says where the event logs go."""
import os
import runpy
import sys
import time

jobs_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "jobs")
sys.path.insert(0, jobs_dir)
for job in sys.argv[1:]:
    started = time.time()
    runpy.run_path(os.path.join(jobs_dir, job), run_name="__main__")
    print(f"oracle job {job}: {time.time() - started:.1f}s", file=sys.stderr, flush=True)
