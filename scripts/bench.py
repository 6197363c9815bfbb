#!/usr/bin/env python
"""
Search quality (recall at 5 of the evaluation set, on SQLite and PostgreSQL; see
scripts/search_eval.py), then search and suggestion latency on PostgreSQL, on the demo clinic and again with 10,000 more
pages, measured in one process through Django's full request handling (middleware, views,
templates), with the page cache off so that every search is run. Each timing is also given as a ratio to a procedure page view measured in the same
run, so the numbers compare across machines.

Usage: make bench (or .venv/bin/python scripts/bench.py). It uses its own database,
BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/clinic_bench), created if missing.
"""

import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psycopg

import django


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/clinic_bench"
)
os.environ["DATABASE_URL"] = DATABASE_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings.dev")
os.environ.setdefault("DEBUG", "false")
# Each search is run afresh: with the page cache on, a repeated search would come from it.
os.environ["PAGE_CACHE"] = "off"
# Every search comes from this one address: no rate limit for the benchmark.
os.environ["SEARCH_RATE_LIMIT_PER_MINUTE"] = os.environ["SUGGEST_RATE_LIMIT_PER_MINUTE"] = "1000000"

GENERATED_PAGES = 10_000
SEARCH_P95_TARGET_MS = 50
REPEATS = 15
SEARCHES = [
    "sciatica",
    "slipped disc",
    "rhizotomy",
    "RFA",
    "injection",
    "back pain",
    "shot in the back",
    "RSD",
    "neck",
    "sciatia",  # a misspelling: the fuzzy fallback on PostgreSQL
]
SUGGESTIONS = ["sa", "sac", "sci", "rad", "epi", "ne", "ba", "fac"]

WORDS = [
    "lumbar",
    "cervical",
    "thoracic",
    "facet",
    "nerve",
    "root",
    "disc",
    "joint",
    "spine",
    "pain",
    "injection",
    "block",
    "ablation",
    "radiofrequency",
    "steroid",
    "epidural",
    "sacroiliac",
    "hip",
    "knee",
    "shoulder",
    "neck",
    "back",
    "buttock",
    "leg",
    "arm",
    "chronic",
    "acute",
    "relief",
    "treatment",
    "diagnosis",
    "outpatient",
    "physician",
    "therapy",
    "stimulation",
]


def create_database():
    name = DATABASE_URL.rsplit("/", 1)[1]
    admin_url = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def generate_pages(target):
    """Add fictional procedure and condition pages until `target` generated pages exist."""
    # Imported here, after django.setup() in main(): models need the app registry.
    from django.db import transaction

    from conditions.models import ConditionIndexPage, ConditionPage
    from procedures.models import ProcedureIndexPage, ProcedurePage

    existing = (
        ProcedurePage.objects.filter(slug__startswith="generated-").count()
        + ConditionPage.objects.filter(slug__startswith="generated-").count()
    )
    indexes = [
        (ProcedureIndexPage.objects.get(), ProcedurePage),
        (ConditionIndexPage.objects.get(), ConditionPage),
    ]
    rng = random.Random(existing)
    started = time.perf_counter()
    for number in range(existing, target):
        parent, model = indexes[number % 2]
        words = rng.sample(WORDS, 6)
        with transaction.atomic():
            parent.add_child(
                instance=model(
                    title=f"{words[0].title()} {words[1]} {words[2]} {number}",
                    slug=f"generated-{number}",
                    summary=" ".join(rng.sample(WORDS, 18)).capitalize() + ".",
                    also_known_as=" ".join(words[3:]),
                )
            )
        if (number + 1) % 1000 == 0:
            print(
                f"  {number + 1} generated pages ({time.perf_counter() - started:.0f} s)",
                flush=True,
            )
    parent.refresh_from_db()


def timings(client, path, params_list):
    samples = []
    for params in params_list:
        client.get(path, params)  # warm the caches for this query
        for _ in range(REPEATS):
            started = time.perf_counter()
            response = client.get(path, params)
            samples.append(time.perf_counter() - started)
            assert response.status_code == 200, (path, params, response.status_code)
    return samples


def summary(samples):
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def measure(client, label, rows):
    baseline = summary(timings(client, "/procedures/sacroiliac-joint-injection/", [{}]))
    for name, path, params in [
        ("page view (baseline)", "/procedures/sacroiliac-joint-injection/", [{}]),
        ("search", "/search/", [{"q": q} for q in SEARCHES]),
        ("suggest", "/search/suggest/", [{"q": q} for q in SUGGESTIONS]),
    ]:
        median, p95 = (
            baseline if name.startswith("page view") else summary(timings(client, path, params))
        )
        rows.append((label, name, median, p95, median / baseline[0]))


def search_profile(client):
    """Where each search's time goes: the whole request, the database's share, its slowest query."""
    # Imported here: models need the app registry, which main() sets up first.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    print(f"\n{'search':20} {'ms':>6} {'database ms':>12} {'queries':>8} {'slowest query ms':>17}")
    for query in SEARCHES:
        client.get("/search/", {"q": query})
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            client.get("/search/", {"q": query})
            total = (time.perf_counter() - started) * 1000
        times = [float(q["time"]) * 1000 for q in captured.captured_queries]
        print(f"{query:20} {total:6.1f} {sum(times):12.1f} {len(times):8} {max(times):17.1f}")


def main():
    print("Search quality (scripts/search_eval.py):", flush=True)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "search_eval.py")], check=True)
    print(flush=True)
    create_database()
    django.setup()
    # Imported after django.setup(): models and the test client need the app registry.
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from wagtail.models import Page

    if connection.vendor != "postgresql":
        raise SystemExit("The benchmark runs on PostgreSQL: set BENCH_DATABASE_URL.")
    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    client = Client(HTTP_HOST="localhost")

    rows = []
    demo_pages = Page.objects.live().count()
    if Page.objects.filter(slug__startswith="generated-").exists():
        print("Generated pages from an earlier run are present; measuring with them.")
    else:
        measure(client, f"demo ({demo_pages} pages)", rows)
    print(f"Generating {GENERATED_PAGES} pages (once; kept in {DATABASE_URL})", flush=True)
    generate_pages(GENERATED_PAGES)
    # As PostgreSQL's autovacuum would after so many new rows: the planner needs their counts.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    total = Page.objects.live().count()
    measure(client, f"{total} pages", rows)

    print(f"\n{'content':22} {'request':22} {'median ms':>10} {'p95 ms':>9} {'x page view':>12}")
    for label, name, median, p95, ratio in rows:
        print(f"{label:22} {name:22} {median:10.1f} {p95:9.1f} {ratio:12.2f}")
    print(
        f"\n{len(SEARCHES)} searches and {len(SUGGESTIONS)} prefixes, {REPEATS} times each after one warm-up."
    )
    p95 = next(p95 for label, name, _, p95, _ in rows if name == "search" and label == rows[-1][0])
    met = "met" if p95 <= SEARCH_P95_TARGET_MS else "missed"
    print(
        f"Target: search p95 at most {SEARCH_P95_TARGET_MS} ms with {total} pages: {met} ({p95:.0f} ms)."
    )
    if p95 > SEARCH_P95_TARGET_MS:
        search_profile(client)


if __name__ == "__main__":
    main()
