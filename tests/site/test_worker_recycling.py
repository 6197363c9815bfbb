"""
gunicorn replaces its workers in turn, never two at once (deploy/gunicorn.conf.py): a soak of
half a minute under wrk, two workers with a small request budget (100); every request is
answered and no two workers restart within a second of each other.

Slow (a server of its own, half a minute of load): marked `servers`, which `make test` leaves
out and `.ci/run` runs once.
"""

import itertools
import re
import shutil
import subprocess
import sys
import urllib.request

import pytest

from tests.network import free_port
from tests.processes import ROOT
from tests.servers import server_environment, wait_for_port


pytestmark = [
    pytest.mark.servers,
    pytest.mark.skipif(shutil.which("wrk") is None, reason="needs wrk"),
]

RESTART = re.compile(r"Autorestarting worker after \d+ requests \(slot \d+, at ([\d.]+)\)")


def test_workers_are_replaced_in_turn_and_every_request_is_answered(tmp_path):
    port = free_port()
    environment = server_environment(
        DJANGO_SETTINGS_MODULE="clinic.settings.dev",
        DEBUG="false",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        REDIS_URL="",
        PORT=str(port),
        WEB_CONCURRENCY="2",
        GUNICORN_MAX_REQUESTS="100",  # 100 to 150 requests each: several turns in 30 s
    )
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
    )
    log = tmp_path / "gunicorn.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "clinic.wsgi"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    try:
        wait_for_port(port)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/", timeout=60):
            pass  # the site answers: the soak starts now
        soak = subprocess.run(  # noqa: S603
            [
                shutil.which("wrk"),
                "-t2",
                "-c4",
                "-d30s",
                "--timeout",
                "10s",
                f"http://127.0.0.1:{port}/healthz/",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)

    report = soak.stdout
    answered = int(re.search(r"(\d+) requests in", report).group(1))
    assert "Non-2xx" not in report and "Socket errors" not in report, report
    restarts = sorted(float(at) for at in RESTART.findall(log.read_text()))
    assert len(restarts) >= 3, (answered, log.read_text()[-3000:])  # the soak did recycle
    gaps = [later - earlier for earlier, later in itertools.pairwise(restarts)]
    assert min(gaps) >= 1, restarts  # never two at once
