#!/usr/bin/env python
"""
Page speed against the bare framework, on SQLite and on PostgreSQL.

For each database: the demo clinic under gunicorn (2 sync workers, production settings, a
private Redis), once with the page cache and once without it (PAGE_CACHE=off), and the bare
Django app of scripts/bench_bare.py served the same way. wrk (2 threads, 8 connections) loads
each in turn, in rounds that alternate between them, so the ratios compare figures taken
under the same conditions. Prints, per page type: requests per second cached and uncached,
cached ÷ the constant 20 KB response, uncached ÷ the 20 KB template ceiling, the queries of an
uncached view, and the HTML's size plain and gzipped.

Usage: make bench (or .venv/bin/python scripts/bench_pages.py). Needs wrk (Debian: apt-get
install wrk). BENCH_ROUNDS (default 3) and BENCH_SECONDS per wrk run (default 3) set its length.
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
from load_run import free_port, start_redis, wait_for


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pages import ALL_PAGES  # noqa: E402


ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "3"))
# The page types a patient meets most, as the tests name them (tests/pages.py), and a search.
PAGES = {
    **{
        name: ALL_PAGES[name]
        for name in [
            "home",
            "procedure index",
            "procedure",
            "condition index",
            "condition",
            "physician index",
            "physician",
            "news index",
            "location",
        ]
    },
    "search": "/search/?q=back+pain",
}
DATABASES = {
    "SQLite": f"sqlite:///{Path(tempfile.gettempdir()) / 'clinic-bench-pages.sqlite3'}",
    "PostgreSQL": os.environ.get(
        "BENCH_PAGES_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/clinic_bench_pages"
    ),
}
# Targets from the performance issue: cached ÷ constant, uncached ÷ template ceiling.
CACHED_TARGET = 0.8
UNCACHED_TARGETS = {"procedure": 0.25, "condition": 0.25, "physician": 0.25}
UNCACHED_DEFAULT_TARGET = 0.2


def manage(environment, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    )


def prepare(environment):
    url = environment["DATABASE_URL"]
    if url.startswith("postgres"):
        name = url.rsplit("/", 1)[1]
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
            if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                db.execute(f'CREATE DATABASE "{name}"')
    for command in (
        ["migrate", "--noinput"],
        ["load_demo_content"],
        ["collectstatic", "--noinput"],
    ):
        manage(environment, *command)


def gunicorn(environment, app, port, *extra):
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            app,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            *extra,
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for(port)
    return process


def wrk(url):
    """Requests per second wrk measures at `url`, and the share of non-2xx answers."""
    result = subprocess.run(
        [shutil.which("wrk"), "-t2", "-c8", f"-d{SECONDS}s", url],
        check=True,
        capture_output=True,
        text=True,
    )
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", result.stdout)
    if bad:
        raise SystemExit(f"{url} answered errors under load:\n{result.stdout}")
    return rate


PROFILE = Path(__file__).with_name("bench_pages_profile.py")  # run inside manage.py shell


def count_queries_and_bytes(environment):
    """
    Per page: queries of a second view without the page cache, bytes plain and gzipped, and
    where the time of such a view goes (ms a view; in templates, in cache calls, how many
    calls, in the database), measured in one process.
    """
    result = manage(
        {**environment, "PAGES": json.dumps(PAGES)},
        "shell",
        "--no-imports",
        "-c",
        PROFILE.read_text(),
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def bench(label, database_url, static_root):
    redis_port = free_port()  # a Redis of its own: nothing cached for the other database
    redis = start_redis(redis_port)
    environment = {
        **{key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "clinic.settings.production",
        "DATABASE_URL": database_url,
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": static_root,
        "CLINIC_PHONE": "(312) 555-0147",
        # wrk sends every search from one address; the limits count a patient's address.
        "SEARCH_RATE_LIMIT_PER_MINUTE": "1000000",
        "SUGGEST_RATE_LIMIT_PER_MINUTE": "1000000",
    }
    print(f"\n{label}: preparing the demo clinic...", flush=True)
    prepare(environment)
    sizes = count_queries_and_bytes(environment)
    ports = {name: free_port() for name in ("cached", "uncached", "bare")}
    servers = [
        gunicorn({**environment, "PAGE_CACHE": "on"}, "clinic.wsgi", ports["cached"]),
        gunicorn({**environment, "PAGE_CACHE": "off"}, "clinic.wsgi", ports["uncached"]),
        gunicorn(environment, "bench_bare:application", ports["bare"], "--chdir", "scripts"),
    ]
    base = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
    rates = {key: [] for key in ["constant", "template"]}
    try:
        for url in PAGES.values():  # warm up: renditions, caches
            for server in ("cached", "uncached"):
                subprocess.run(
                    [shutil.which("wrk"), "-t1", "-c1", "-d1s", base[server] + url],
                    check=True,
                    capture_output=True,
                )
        for number in range(ROUNDS):
            print(f"  round {number + 1} of {ROUNDS}", flush=True)
            rates["constant"].append(wrk(base["bare"] + "/constant/"))
            rates["template"].append(wrk(base["bare"] + "/template/"))
            for name, url in PAGES.items():
                rates.setdefault((name, "cached"), []).append(wrk(base["cached"] + url))
                rates.setdefault((name, "uncached"), []).append(wrk(base["uncached"] + url))
    finally:
        for process in [*servers, redis]:
            process.terminate()
            process.wait()
    median = {key: statistics.median(values) for key, values in rates.items()}
    report(label, median, sizes)


def report(label, median, sizes):
    constant, template = median["constant"], median["template"]
    print(
        f"\n{label} (gunicorn, 2 sync workers; wrk -t2 -c8; medians of {ROUNDS} rounds)\n"
        f"bare Django: constant 20 KB response {constant:,.0f} req/s, "
        f"20 KB template {template:,.0f} req/s\n"
    )
    print(
        f"| {'page':16} | cached req/s | × constant | uncached req/s | × template | "
        f"queries | KB | KB gzip |"
    )
    print(f"|{'-' * 18}|{'-' * 14}|{'-' * 12}|{'-' * 16}|{'-' * 12}|{'-' * 9}|{'-' * 4}|{'-' * 9}|")
    missed = []
    for name in PAGES:
        cached, uncached = median[(name, "cached")], median[(name, "uncached")]
        queries, size, zipped, _ = sizes[name]
        cached_ratio, uncached_ratio = cached / constant, uncached / template
        target = UNCACHED_TARGETS.get(name, UNCACHED_DEFAULT_TARGET)
        flags = ""
        if cached_ratio < CACHED_TARGET:
            missed.append(f"{name}: cached {cached_ratio:.2f} < {CACHED_TARGET}")
            flags += " (cached below target)"
        if name != "search" and uncached_ratio < target:
            missed.append(f"{name}: uncached {uncached_ratio:.2f} < {target}")
            flags += " (uncached below target)"
        print(
            f"| {name:16} | {cached:12,.0f} | {cached_ratio:10.2f} | {uncached:14,.0f} | "
            f"{uncached_ratio:10.2f} | {queries:7} | {size / 1024:2.0f} | {zipped / 1024:7.1f} |"
            f"{flags}"
        )
    print("\nTargets met." if not missed else "\nTargets missed:\n  " + "\n  ".join(missed))
    print(
        "\nWhere an uncached view's time goes (one process, Django's test client, 50 views):\n"
        f"| {'page':16} | ms a view | templates | cache calls (ms) | database | the rest |"
    )
    print(f"|{'-' * 18}|{'-' * 11}|{'-' * 11}|{'-' * 18}|{'-' * 10}|{'-' * 10}|")
    for name in PAGES:
        total, template, cache, calls, database, inside = sizes[name][3]
        template -= inside  # the templates' own work, without their cache and database calls
        rest = total - template - cache - database
        print(
            f"| {name:16} | {total:9.2f} | {template:9.2f} | {calls:5.0f} ({cache:5.2f}) "
            f"   | {database:8.2f} | {rest:8.2f} |"
        )


def main():
    if not shutil.which("wrk"):
        raise SystemExit("The page benchmark needs wrk (Debian: apt-get install wrk).")
    static_root = tempfile.mkdtemp(prefix="clinic-static-")
    try:
        for label, url in DATABASES.items():
            bench(label, url, static_root)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    main()
