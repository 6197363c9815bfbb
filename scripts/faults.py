#!/usr/bin/env python
"""
make faults: the site under load while what it depends on fails, one fault at a time.

The production settings under gunicorn (deploy/gunicorn.conf.py, 2 workers) with the task worker
beside it (kept running as `make serve` keeps it), on PostgreSQL (a database of its own,
clinic_faults, dropped at the end), a Redis of its own and a mail sink, each behind a fault proxy
(tests/fault_proxy.py). For each fault, locust drives USERS simulated patients
(scripts/locustfile.py) for RUN seconds; the fault lasts from WINDOW[0] to WINDOW[1]. One row a
fault: answers; req/s in the fault window against before it; errors (5xx or no answer) in and
out of the window; 500s; p95 in the window; appointment requests confirmed, stored, lost and
duplicated (the table); notices (one e-mail per stored request, counted at the sink); and
recovery, the seconds from the fault's end until traffic is back to normal.

Usage: make faults, or make faults FAULTS="redis-refused pg-hang", or FAULTS=soak (5 minutes at
16 patients with workers recycled every few hundred requests, counting time-outs).
"""

import os
import sys
import tempfile
import time
from pathlib import Path

from load_run import ROOT, locust_results, start_locust


sys.path.insert(0, str(ROOT))

from fault_runs import measure
from fault_runs.injections import FAULTS
from fault_runs.stack import Stack


DATABASE = os.environ.get("FAULTS_DATABASE", "clinic_faults")
USERS = 32
RUN = int(os.environ.get("FAULTS_RUN_SECONDS", "60"))
WINDOW = (20, 35)  # the fault, in seconds from the start of the run
SOAK = (16, 300, 300)  # patients, seconds, gunicorn's max_requests
HEADER = (
    f"{'fault':20} {'answers':>7} {'req/s in/normal':>16} {'err in':>6} {'err out':>7} "
    f"{'500s':>4} {'p95 in':>7} {'conf/stored/lost/dup':>20} {'notices 1×/retry/2×/0':>21} "
    f"{'recovery':>8}"
)


def run_fault(stack, name, folder):
    fault = FAULTS[name](stack)
    try:
        fault.prepare()
    except RuntimeError as reason:
        print(f"{name:20} not run: {reason}", flush=True)
        return True
    host = stack.servers[0][1]
    last_request = measure.last_request_id(stack)
    run_start = time.time()
    locust = start_locust(stack.environment, host, USERS, RUN, folder / f"{name}.json")
    time.sleep(WINDOW[0])
    window_start = time.time()
    fault.start()
    time.sleep(max(0.0, run_start + WINDOW[1] - time.time()))
    fault.end()
    window = (window_start, time.time())
    data = locust_results(locust, folder / f"{name}.json")
    fault.finish()
    seen = measure.traffic(data["answers"], run_start, window)
    booked = measure.appointments(stack, data["confirmed"], last_request)
    print_row(name, seen, booked, fault.note())
    return good(name, seen, booked)


def print_row(name, seen, booked, note):
    rates = f"{seen['rate']:.1f}/{seen['normal']:.1f}"
    requests = f"{booked['confirmed']}/{booked['stored']}/{booked['lost']}/{booked['duplicated']}"
    notices = (
        f"{booked['notices once']}/{booked['notices by retry']}/"
        f"{booked['notices twice']}/{booked['notices missing']}"
    )
    recovered = "never" if seen["recovery"] is None else f"{seen['recovery']} s"
    print(
        f"{name:20} {seen['answers']:7} {rates:>16} {seen['errors in']:6} {seen['errors out']:7} "
        f"{seen['500s']:4} {seen['p95']:5.0f}ms {requests:>20} {notices:>21} {recovered:>8}",
        flush=True,
    )
    if seen["kinds"]:
        print(f"{'':20} errors: {dict(seen['kinds'].most_common(4))}", flush=True)
    if note:
        print(f"{'':20} {note}", flush=True)
    if booked["lost names"]:
        print(f"{'':20} lost: {', '.join(booked['lost names'][:5])}", flush=True)


def good(name, seen, booked):
    """The issue's bar for every fault (the figures of one fault are looked at by a person)."""
    return (
        booked["lost"] == booked["duplicated"] == seen["500s"] == 0
        and booked["notices twice"] == booked["notices missing"] == 0
        and seen["recovery"] is not None
        and seen["recovery"] <= 2
    )


def soak(stack, folder):
    users, seconds, _ = SOAK
    output = folder / "soak.json"
    locust = start_locust(stack.environment, stack.servers[0][1], users, seconds, output)
    answers = locust_results(locust, output)["answers"]
    timeouts = sum(1 for answer in answers if answer[1] == 0)
    errors = sum(1 for answer in answers if answer[1] >= 500)
    log = next(stack.folder.glob("gunicorn-*.log")).read_text()
    restarts = log.count("Autorestarting worker")
    print(
        f"soak: {users} patients for {seconds} s: {len(answers)} answers, {timeouts} time-outs "
        f"or no answer, {errors} × 5xx, {restarts} worker restarts, "
        f"p95 {measure.p95([a[2] for a in answers]):.0f} ms",
        flush=True,
    )
    return timeouts == errors == 0 and restarts > 0


def main():
    wanted = os.environ.get("FAULTS", "").split() or list(FAULTS)
    unknown = [name for name in wanted if name not in FAULTS and name != "soak"]
    if unknown:
        sys.exit(f"Unknown faults: {' '.join(unknown)}. Known: {' '.join(FAULTS)} soak")
    stack = Stack(DATABASE, max_requests=SOAK[2] if wanted == ["soak"] else None)
    all_good = True
    try:
        print("Preparing the database, the demo clinic and static files...", flush=True)
        stack.prepare()
        stack.start_server()
        stack.start_worker()
        stack.wait_for_an_idle_queue()
        with tempfile.TemporaryDirectory() as folder:
            if wanted == ["soak"]:
                all_good = soak(stack, Path(folder))
            else:
                print(
                    f"{USERS} patients, {RUN} s a run, the fault from {WINDOW[0]} to {WINDOW[1]} s"
                )
                print(HEADER, flush=True)
                for name in wanted:
                    all_good &= run_fault(stack, name, Path(folder))
    finally:
        stack.stop()
    sys.exit(0 if all_good else 1)


if __name__ == "__main__":
    main()
