#!/usr/bin/env python
"""
Admin speed: the screens staff wait on, as each role sees them, on SQLite with the production
settings (a private Redis, static files collected), in one process through Django's full
request handling (middleware, views, templates). For each screen: the median server time of
BENCH_ADMIN_RUNS views (default 5, after one to warm up) and its queries, with the demo clinic
and a working clinic's records (tests/admin_content.py: a review record per clinical page,
three pages in review, 25 appointment requests), then with ten times the procedures, pages in
review and requests. A screen over 1 s, or whose queries grow with the content, is flagged.
For context, the same is given for the admin's own account page, the admin's shell (menu,
header, session and two-step checks) with little else.

Usage: make bench (or .venv/bin/python scripts/bench_admin.py).
"""

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from load_run import free_port, start_redis


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = int(os.environ.get("BENCH_ADMIN_RUNS", "5"))
FACTOR = 10
TARGET_SECONDS = 1.0
LOCMEM_MAIL = "django.core.mail.backends.locmem.EmailBackend"


def configure(workspace, redis_port):
    """Production settings, with a database, static files and a Redis of the benchmark's own."""
    for key in [key for key in os.environ if key.startswith("DJANGO_")]:
        del os.environ[key]
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "clinic.settings.production",
            "DATABASE_URL": f"sqlite:///{workspace / 'admin.sqlite3'}",
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "SECRET_KEY": "bench-only-" + "x" * 50,
            "ALLOWED_HOSTS": "testserver",
            "STATIC_ROOT": str(workspace / "static"),
            "MEDIA_ROOT": str(workspace / "media"),
            "REQUEST_LOG": "false",
            "CLINIC_PHONE": "(312) 555-0147",
        }
    )


def prepare():
    """The demo clinic, its logins and static files, and a working clinic's records."""
    # Imported here: models need the app registry, which main() sets up first.
    from django.core.management import call_command

    from tests.admin_content import stock

    with open(os.devnull, "w") as quiet:
        call_command("migrate", interactive=False, verbosity=0, stdout=quiet)
        for command in ("load_demo_content", "ensure_demo_users"):
            call_command(command, verbosity=0, stdout=quiet)
        call_command("collectstatic", interactive=False, verbosity=0, stdout=quiet)
    stock(user("editor"))


def user(username):
    # Imported here: models need the app registry, which main() sets up first.
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def signed_in(username):
    """A test client signed in as the demo's `username`, past the second step."""
    # Imported here: models need the app registry, which main() sets up first.
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from django.test import Client

    account = user(username)
    device, _ = TOTPDevice.objects.get_or_create(
        user=account, confirmed=True, defaults={"name": "Authenticator app"}
    )
    client = Client()
    client.force_login(account)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def screens():
    """(name, username, address) of each screen measured, the baseline first."""
    # Imported here: models need the app registry, which main() sets up first.
    from procedures.models import ProcedureIndexPage, ProcedurePage

    index = ProcedureIndexPage.objects.get(locale__language_code="en")
    procedure = ProcedurePage.objects.get(slug="sacroiliac-joint-injection")
    return [
        ("baseline: account page", "editor", "/admin/account/"),
        ("dashboard, reviewer", "reviewer", "/admin/"),
        ("dashboard, editor", "editor", "/admin/"),
        ("procedures explorer", "editor", f"/admin/pages/{index.pk}/"),
        ("procedure edit form", "editor", f"/admin/pages/{procedure.pk}/edit/"),
        ("appointment requests", "frontdesk", "/admin/appointment-requests/"),
    ]


def measure():
    """{screen: (median seconds, queries)} for the content as it is now."""
    # Imported here: models need the app registry, which main() sets up first.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, override_settings

    found = {}
    for name, username, url in screens():
        client = signed_in(username)
        # The content version is read again every 0.5 s (clinic.caching.content_version): a query that
        # falls into a view by chance, so kept out of the count, as in the tests' settings.
        with override_settings(PAGE_CACHE_VERSION_SECONDS=3600):
            response = client.get(url, secure=True)  # warm up
            if response.status_code != 200:
                raise SystemExit(f"{name}: {url} answered {response.status_code}")
            with CaptureQueriesContext(connection) as queries:
                client.get(url, secure=True)
        count = len(queries)  # before the next request clears the log
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            client.get(url, secure=True)
            times.append(time.perf_counter() - started)
        found[name] = (statistics.median(times), count)
    return found


def report(demo, grown):
    print(f"\nAdmin screens (SQLite, production settings, one process; median of {RUNS} views)\n")
    print(
        f"| {'screen':22} | demo ms | queries | ×{FACTOR} ms | queries |\n"
        f"|{'-' * 24}|{'-' * 9}|{'-' * 9}|{'-' * 8}|{'-' * 9}|"
    )
    missed = []
    for name, (seconds, queries) in demo.items():
        grown_seconds, grown_queries = grown[name]
        flags = ""
        if max(seconds, grown_seconds) > TARGET_SECONDS:
            missed.append(f"{name}: over {TARGET_SECONDS:.0f} s")
            flags += f" (over {TARGET_SECONDS:.0f} s)"
        if grown_queries > queries:
            missed.append(f"{name}: {queries} queries became {grown_queries}")
            flags += " (queries grow)"
        print(
            f"| {name:22} | {seconds * 1000:7.0f} | {queries:7} | {grown_seconds * 1000:6.0f} "
            f"| {grown_queries:7} |{flags}"
        )
    print(
        "\nThe explorer shows 50 pages a screen and reads each row's buttons with its pages "
        "(explorer.views): as many queries for 5 pages as for 50, three more when any page on "
        "the screen is in review (its task and whether the user reviews it), however many."
    )
    print("\nTargets met." if not missed else "\nTargets missed:\n  " + "\n  ".join(missed))


def main():
    workspace = Path(tempfile.mkdtemp(prefix="clinic-bench-admin-"))
    redis = start_redis(redis_port := free_port())
    try:
        configure(workspace, redis_port)
        # Imported here: Django reads the settings configure() just put in the environment.
        import django

        django.setup()
        # Imported after django.setup(): they load models.
        from django.test.utils import override_settings

        from tests.admin_content import grow

        # Pages sent for review notify the reviewers: by e-mail kept in memory here.
        with override_settings(MAILERS={"default": {"BACKEND": LOCMEM_MAIL}}):
            print("Admin: preparing the demo clinic...", flush=True)
            prepare()
            demo = measure()
            print(f"Admin: adding {FACTOR - 1} times the content...", flush=True)
            grow(FACTOR, user("editor"))
            report(demo, measure())
    finally:
        redis.terminate()
        redis.wait()
        shutil.rmtree(workspace, ignore_errors=True)


if __name__ == "__main__":
    main()
