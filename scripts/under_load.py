#!/usr/bin/env python
"""
The flakiness check: run a command several times in a row while every core is kept busy, and
say how each run ended. A suite that passes only on a quiet machine fails here.

    make flakecheck                      # `make test` 5 times, every core busy
    RUNS=3 PYTEST_ARGS="tests/browser" make flakecheck

Usage: scripts/under_load.py RUNS COMMAND...   (exit 1 if any run failed)
"""

import multiprocessing
import os
import re
import subprocess
import sys
import time


def spin():
    while True:
        pass


def main():
    runs, command = int(sys.argv[1]), sys.argv[2:]
    load = [multiprocessing.Process(target=spin, daemon=True) for _ in range(os.cpu_count() or 2)]
    for process in load:
        process.start()
    print(f"{len(load)} busy processes keep every core loaded; running {command} {runs} times")
    results = []
    try:
        for run in range(1, runs + 1):
            started = time.monotonic()
            finished = subprocess.run(command, capture_output=True, text=True, check=False)
            output = finished.stdout + finished.stderr
            summary = [
                line for line in output.splitlines() if re.match(r"=+ .*(passed|failed)", line)
            ]
            line = summary[-1].strip("= ") if summary else "no pytest summary"
            took = time.monotonic() - started
            results.append(finished.returncode)
            print(f"run {run}: exit {finished.returncode}, {line}, {took / 60:.1f} min", flush=True)
            if finished.returncode:
                print(output[-6000:])
    finally:
        for process in load:
            process.terminate()
    failed = sum(1 for code in results if code)
    print(f"{runs - failed} of {runs} runs passed under load")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
