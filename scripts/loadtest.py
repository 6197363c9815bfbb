#!/usr/bin/env python
"""
Load and fault figures: the production settings under gunicorn, on PostgreSQL and a Redis this
script starts on a spare port, driven by locust (scripts/locustfile.py) with 32 simulated
patients for 60 s; then again with Redis stopped for 10 s in the middle. Prints requests,
errors (inside and outside the outage), p50/p95/p99 and whether every confirmed appointment
request is in the table.

Usage: make loadtest. Uses its own database, LOADTEST_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/clinic_load), created and filled with the demo if missing.
"""

import collections
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from load_run import (
    ROOT,
    free_port,
    locust_results,
    prepare,
    production_environment,
    start_locust,
    start_redis,
    wait_for,
)


DATABASE_URL = os.environ.get(
    "LOADTEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/clinic_load"
)
USERS = 32
SECONDS = 60
OUTAGE = (25, 35)  # Redis down between these seconds of the second run


def stored_names():
    with psycopg.connect(DATABASE_URL) as db:
        return {row[0] for row in db.execute("SELECT name FROM appointments_appointmentrequest")}


def run_load(environment, host, output, redis=None, redis_port=None):
    locust = start_locust(environment, host, USERS, SECONDS, output)
    started = time.time()
    window = None
    if redis is not None:
        time.sleep(OUTAGE[0])
        redis.terminate()
        redis.wait()
        down = time.time()
        time.sleep(OUTAGE[1] - OUTAGE[0])
        redis = start_redis(redis_port)
        window = (down, time.time())
    data = locust_results(locust, output)
    return started, window, data, redis


def report(label, data, window):
    answers = data["answers"]
    times = sorted(answer[2] for answer in answers)
    errors = [a for a in answers if a[1] == 0 or a[1] >= 500]
    inside = [a for a in errors if window and window[0] <= a[0] <= window[1] + 1]
    quantile = statistics.quantiles(times, n=100)
    stored = stored_names()
    lost = [name for name in data["confirmed"] if name not in stored]
    print(
        f"{label:24} {len(answers):7} {len(answers) / SECONDS:6.1f}/s "
        f"{len(errors) - len(inside):7} {len(inside):7} "
        f"{quantile[49]:7.0f} {quantile[94]:7.0f} {quantile[98]:7.0f} "
        f"{len(data['confirmed']):6} {len(lost):5}"
    )
    if errors:
        kinds = collections.Counter(f"{a[3]} -> {a[1] or 'no answer'}" for a in errors)
        print(f"{'':24} errors: {dict(kinds)}")
    return len(errors) - len(inside), len(lost)


def main():
    redis_port, app_port = free_port(), free_port()
    static_root = tempfile.mkdtemp(prefix="clinic-static-")
    environment = production_environment(
        DATABASE_URL, f"redis://127.0.0.1:{redis_port}/0", static_root
    )
    redis = start_redis(redis_port)
    print("Preparing the database and static files...", flush=True)
    prepare(environment)
    gunicorn = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "clinic.wsgi",
            "--bind",
            f"127.0.0.1:{app_port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--timeout",
            "30",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for(app_port)
    host = f"http://127.0.0.1:{app_port}"
    try:
        print(
            f"{USERS} patients for {SECONDS} s each run (gunicorn: 2 workers x 4 threads)\n"
            f"\n{'run':24} {'answers':>7} {'rate':>8} {'errors':>7} {'in out.':>7} "
            f"{'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'booked':>6} {'lost':>5}"
        )
        with tempfile.TemporaryDirectory() as folder:
            _, _, data, _ = run_load(environment, host, Path(folder) / "steady.json")
            errors, lost = report("steady", data, None)
            _, window, data, redis = run_load(
                environment, host, Path(folder) / "outage.json", redis, redis_port
            )
            outage_errors, outage_lost = report("Redis down 10 s", data, window)
    finally:
        gunicorn.terminate()
        gunicorn.wait()
        redis.terminate()
    print(
        "\nerrors: answers of 5xx or none outside the outage window; in out.: inside it; "
        "booked: confirmed appointment requests; lost: confirmed but not in the table."
    )
    if errors or lost or outage_errors or outage_lost:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
