"""
`make serve`, as a newcomer types it: production settings, the Procfile's release steps, gunicorn
and the task worker under honcho, on PORT, with its own PostgreSQL database and Redis. The site
answers with its address in every link, the worker runs the tasks a patient's request queues
(also once it was killed: it is started again), the request log has a line per request, and
Ctrl+C stops every process.

Starts servers (a few seconds) and builds the demo clinic: marked `servers`, which `.ci/run`
runs once on PostgreSQL.
"""

import os
import re
import shutil
import signal
import subprocess
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import psycopg
import pytest

from django.db import connection

from tests.network import free_port, wait_for_port
from tests.processes import ROOT
from tests.servers import postgres_admin, private_redis, server_environment


pytestmark = [
    pytest.mark.servers,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
    pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server"),
]

DATABASE = "clinic_make_serve_test"
PAGE = "/procedures/sacroiliac-joint-injection/"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`make serve PORT=…` in a process group of its own, and its output file."""
    output = tmp_path_factory.mktemp("serve") / "serve.log"
    with postgres_admin() as db:
        db.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{DATABASE}"')
    port = free_port()
    with private_redis(free_port()) as redis_url:
        environment = server_environment(
            DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
            REDIS_URL=redis_url,
            STATIC_ROOT=str(output.parent / "static"),
            MEDIA_ROOT=str(output.parent / "media"),
            WEB_CONCURRENCY="2",
        )
        environment.pop("PORT", None)
        make = subprocess.Popen(  # noqa: S603
            ["make", "--no-print-directory", "serve", f"PORT={port}"],  # noqa: S607
            cwd=ROOT,
            env=environment,
            stdout=output.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            try:
                wait_for_port(port, seconds=300)
            except AssertionError:
                raise AssertionError(output.read_text()[-3000:]) from None
            yield make, f"http://127.0.0.1:{port}", output
        finally:
            if make.poll() is None:
                os.killpg(make.pid, signal.SIGINT)
                make.wait(timeout=30)
            with postgres_admin() as db:
                db.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


def open_url(opener, url, data=None):
    try:
        with opener.open(url, data=data, timeout=15) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def descendants(pid):
    """The processes started, directly or not, by process `pid`: {pid: argv}."""
    parents, argv = {}, {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                argv[int(entry.name)] = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue  # gone meanwhile
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, level = {}, {pid}
    while level:
        level = {child for child, parent in parents.items() if parent in level}
        found.update((child, argv[child]) for child in level)
    return found


def worker_pid(make, seconds=60):
    """The pid of the task worker `make serve` runs, once there is one."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for pid, argv in descendants(make.pid).items():
            if argv[1:3] == [b"manage.py", b"db_worker"]:
                return pid
        time.sleep(0.2)
    raise AssertionError("make serve runs no task worker")


def test_a_worker_that_dies_is_started_again(served):
    make, _, output = served
    first = worker_pid(make)
    os.kill(first, signal.SIGKILL)  # as the kernel's OOM killer would
    deadline = time.monotonic() + 30
    while worker_pid(make) == first:
        assert time.monotonic() < deadline, "the worker was not started again"
        time.sleep(0.2)
    assert make.poll() is None  # the web server kept serving meanwhile
    assert "The worker stopped (exit status -9); starting it again" in output.read_text()
    # The next test sees this worker send the notice of a patient's request.


def test_make_serve_runs_the_production_stack(served):
    make, address, output = served
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    status, headers, body = open_url(opener, address + PAGE)
    assert status == 200
    assert f'<link rel="canonical" href="{address}{PAGE}">' in body
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', body).group(1)
    status, headers, _ = open_url(opener, address + stylesheet)
    assert status == 200 and "immutable" in headers["Cache-Control"]  # collectstatic, WhiteNoise

    status, _, body = open_url(opener, address + "/healthz/")
    assert status == 200 and '"status": "ok"' in body, body
    assert '"worker queue": "ok"' in body

    # A patient's request queues the front desk's notice; the worker process sends it.
    status, _, form = open_url(opener, address + "/appointments/request/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    fields = {
        "csrfmiddlewaretoken": token,
        "name": "Pat Example",
        "phone": "(312) 555-0190",
        "patient_type": "new",
        "consent": "on",
    }
    request = urllib.request.Request(  # noqa: S310
        address + "/appointments/request/",
        data=urllib.parse.urlencode(fields).encode(),
        headers={"Referer": address + "/appointments/request/"},
    )
    status, _, body = open_url(opener, request)
    assert status == 200 and "your request has been sent" in body, body[:2000]
    # No mail server listens here: the worker's attempt fails and is queued again for later.
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{DATABASE}") as db:
        deadline = time.monotonic() + 30
        while True:
            (attempts,) = db.execute(
                "SELECT notify_attempts FROM appointments_appointmentrequest"
            ).fetchone()
            if attempts:
                break
            assert time.monotonic() < deadline, "the worker never tried to send the notice"
            time.sleep(0.5)
        states = db.execute(
            "SELECT status FROM django_tasks_database_dbtaskresult "
            "WHERE task_path LIKE '%notify_front_desk' ORDER BY enqueued_at"
        ).fetchall()
        assert states[0][0] in {"SUCCESSFUL", "FAILED"}  # run by the worker, not the request

    log = output.read_text()
    assert "web.1" in log and "worker.1" in log  # honcho's two processes
    assert re.search(r"\] GET /procedures/sacroiliac-joint-injection/ 200 [\d.]+ms", log)
    assert re.search(r"\] POST /appointments/request/ 30[23] ", log)
    assert "Pat Example" not in log and "555-0190" not in log  # nothing about the patient

    # Ctrl+C stops the web server and the worker.
    os.killpg(make.pid, signal.SIGINT)
    make.wait(timeout=30)
    port = int(address.rsplit(":", 1)[1])
    with pytest.raises(AssertionError):
        wait_for_port(port, seconds=1)
