#!/usr/bin/env python
"""
The security probe, so that the next one starts from our own numbers: the production settings
under gunicorn (deploy/gunicorn.conf.py, two workers), on SQLite and on PostgreSQL, each sent
REQUESTS generated requests from 8 clients at once: odd parameters and paths, the worst
searches (60 words, repeated words, small words only, long tokens, mixed scripts; different
every time, so no cache answers them), forms in other character sets, odd /media/ names,
OPTIONS and TRACE. Prints the answers by status, every 5xx with the server's error, the
requests left unanswered, and whether any worker was replaced. Exit 1 on any of those.

Usage: make securitycheck (REQUESTS=1000 for a quick run; SECURITYCHECK_DATABASES=sqlite).
The role matrix (who may open, create or change what in the admin) is the test suite's:
tests/home/test_staff_accounts.py and tests/appointments/test_front_desk_reach.py, which
`make securitycheck` runs after the probe.
"""

import collections
import http.client
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from load_run import free_port, prepare, start_redis, wait_for


ROOT = Path(__file__).resolve().parent.parent
REQUESTS = int(os.environ.get("REQUESTS", "10000"))
CLIENTS = 8
POSTGRES = "postgres://postgres@127.0.0.1:5432/clinic_securitycheck"
WORDS = (
    "back neck knee hip pain nerve spine disc joint burning numb tingling sharp injection "
    "block ablation stimulator steroid epidural facet sciatica arthritis headache the a of my "
    "dolor espalda rodilla боль спина 腰痛 ألم πόνος 😀 ∑ x" + "y" * 80
).split()
TRICKY = [
    "",
    "\x00",
    "%00",
    "9" * 5000,
    "-1",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "\u202e",
    "😀" * 50,
    "ä" * 300,
]
PAGES = [
    "/",
    "/procedures/",
    "/procedures/sacroiliac-joint-injection/",
    "/conditions/sciatica/",
    "/physicians/",
    "/news/",
    "/news/feed/",
    "/es/",
    "/es/procedimientos/",
    "/locations/",
    "/appointments/request/",
    "/sitemap.xml",
]
PARAMETERS = ["q", "page", "type", "procedure", "condition", "about", "compare", "p", "x"]


def generated(rng):
    """One request: (method, path, headers, body)."""
    client = f"198.51.{rng.randrange(256)}.{rng.randrange(256)}"
    headers = {"X-Forwarded-For": client}
    kind = rng.choice(["page", "page", "search", "search", "path", "encoded", "media", "method"])
    if kind == "search":
        count = rng.choice([1, 5, 24, 60])
        words = [rng.choice(WORDS) for _ in range(count)]
        if rng.random() < 0.3:
            words = [rng.choice(WORDS)] * count
        query = urllib.parse.urlencode({"q": " ".join(words)[:200]})
        return (
            "GET",
            rng.choice(["/search/", "/search", "/es/search/", "/search/suggest/"]) + "?" + query,
            headers,
            None,
        )
    if kind == "path":
        segment = urllib.parse.quote(rng.choice(TRICKY + WORDS), safe="")
        return (
            "GET",
            rng.choice(["/procedures/", "/news/", "/es/", "/search/"]) + segment + "/",
            headers,
            None,
        )
    if kind == "encoded":
        charset = rng.choice(["latin-1", "utf-16", "cp1252", "not-a-charset"])
        headers["Content-Type"] = f"application/x-www-form-urlencoded; charset={charset}"
        body = "name=" + rng.choice(TRICKY + WORDS)
        return (
            "POST",
            rng.choice(["/", "/appointments/request/", "/admin/login/"]),
            headers,
            body.encode("utf-8", "surrogatepass"),
        )
    if kind == "media":
        folder = rng.choice(["images", "original_images", "documents", "x"])
        name = urllib.parse.quote(rng.choice(TRICKY + ["a" * 300 + ".jpg", "../../.env"]), safe="/")
        return "GET", f"/media/{folder}/{name}", headers, None
    if kind == "method":
        return (
            rng.choice(["OPTIONS", "TRACE", "HEAD", "PUT", "DELETE"]),
            rng.choice(PAGES),
            headers,
            None,
        )
    parameters = {
        rng.choice(PARAMETERS): rng.choice(TRICKY + WORDS) for _ in range(rng.randrange(3))
    }
    return "GET", rng.choice(PAGES) + "?" + urllib.parse.urlencode(parameters), headers, None


def send(port, request):
    method, path, headers, body = request
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=35)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, request
    except OSError as error:
        return f"no answer ({type(error).__name__})", request
    finally:
        connection.close()


def probe(label, database_url, folder):
    redis_port, app_port = free_port(), free_port()
    environment = {
        **{key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "clinic.settings.production",
        "DATABASE_URL": database_url,
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "SECRET_KEY": "securitycheck-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SERVE_OVER_HTTP": "true",
        "SERVE_MEDIA_FILES": "true",
        "TRUSTED_PROXY_COUNT": "1",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / f"media-{label}"),
        "CLINIC_PHONE": "(312) 555-0147",
        "WEB_CONCURRENCY": "2",
        "PORT": str(app_port),
    }
    redis = start_redis(redis_port)
    print(f"{label}: preparing the database...", flush=True)
    prepare(environment)
    log = folder / f"gunicorn-{label}.log"
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "clinic.wsgi", "-c", "deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    try:
        wait_for(app_port)
        rng = random.Random(f"securitycheck-{label}")
        requests = [generated(rng) for _ in range(REQUESTS)]
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            answers = list(pool.map(lambda request: send(app_port, request), requests))
        took = time.monotonic() - started
        alive = gunicorn.poll() is None
        served = log.read_text()  # before stopping: shutting down logs workers exiting
    finally:
        gunicorn.terminate()
        gunicorn.wait()
        redis.terminate()
    return report(label, answers, took, alive, served)


def report(label, answers, took, alive, log):
    counts = collections.Counter(status for status, _ in answers)
    failures = [
        (status, request)
        for status, request in answers
        if not isinstance(status, int) or status >= 500
    ]
    # Workers are recycled after max_requests on purpose (deploy/gunicorn.conf.py); any other
    # new worker replaced one that died or hung.
    recycled = len(re.findall(r"Autorestarting worker", log))
    booted = len(re.findall(r"Booting worker", log))
    replaced = max(0, booted - 2 - recycled) + len(re.findall(r"WORKER TIMEOUT|SIGKILL", log))
    print(f"{label}: {len(answers)} requests in {took:.0f} s ({len(answers) / took:.0f}/s)")
    print(
        "  answers: " + ", ".join(f"{status}: {n}" for status, n in sorted(counts.items(), key=str))
    )
    for status, (method, path, _, _) in failures[:20]:
        print(f"  {status} {method} {path[:120]}")
    for line in [line for line in log.splitlines() if "Error" in line or "error" in line][:20]:
        print(f"  server: {line[:200]}")
    print(
        f"  5xx or unanswered: {len(failures)}; workers recycled (max_requests): {recycled}; "
        f"lost and replaced: {replaced}; gunicorn alive: {alive}"
    )
    return not failures and not replaced and alive


def main():
    wanted = os.environ.get("SECURITYCHECK_DATABASES", "sqlite,postgresql").split(",")
    with tempfile.TemporaryDirectory(prefix="clinic-securitycheck-") as name:
        folder = Path(name)
        results = []
        if "sqlite" in wanted:
            results.append(probe("sqlite", f"sqlite:///{folder / 'db.sqlite3'}", folder))
        if "postgresql" in wanted:
            results.append(probe("postgresql", POSTGRES, folder))
    if not all(results):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
