"""
Everything `make faults` runs, as production runs it on one machine: PostgreSQL (this machine's,
a database of its own), a Redis of its own and a mail sink, each behind a FaultProxy; gunicorn
with deploy/gunicorn.conf.py (2 workers); the task worker kept running as `make serve` keeps it
(scripts/serve.py --keep-running); the media folder on a small filesystem of its own when this
machine lets it be mounted (the disk-full fault).
"""

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from load_run import ROOT, free_port, manage, prepare, production_environment, start_redis, wait_for

from tests.fault_proxy import FaultProxy
from tests.mail_sink import MailServer


POSTGRES = "postgres://postgres@127.0.0.1:5432"
MEDIA_MEGABYTES = 64


def children(pid):
    """The process ids of `pid`'s children."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(child) for child in (task / "children").read_text().split()]
    return found


def mount_small_disk(folder):
    """A tmpfs of MEDIA_MEGABYTES on `folder`; False where this machine does not allow it."""
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={MEDIA_MEGABYTES}m", "tmpfs", str(folder)],  # noqa: S607
        capture_output=True,
        check=False,
    )
    return mounted.returncode == 0


class Stack:
    def __init__(self, database, max_requests=None):
        self.folder = Path(tempfile.mkdtemp(prefix="clinic-faults-"))
        self.database_url = f"{POSTGRES}/{database}"
        self.redis_port = free_port()
        self.redis = start_redis(self.redis_port)
        self.redis_proxy = FaultProxy(self.redis_port)
        self.postgres_proxy = FaultProxy(5432)
        self.mail = MailServer()
        self.mail_proxy = FaultProxy(self.mail.port)
        self.media = self.folder / "media"
        self.media.mkdir()
        self.small_disk = mount_small_disk(self.media)
        self.environment = production_environment(
            f"postgres://postgres@127.0.0.1:{self.postgres_proxy.port}/{database}",
            f"redis://127.0.0.1:{self.redis_proxy.port}/0",
            self.folder / "static",
            MEDIA_ROOT=str(self.media),
            SERVE_MEDIA_FILES="true",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(self.mail_proxy.port),
            SITE_URL="http://127.0.0.1",
            WEB_CONCURRENCY="2",
            REQUEST_LOG="false",
            **({"GUNICORN_MAX_REQUESTS": str(max_requests)} if max_requests else {}),
        )
        self.servers = []  # (gunicorn process, address)
        self.worker = None

    def prepare(self):
        """A fresh database with the demo clinic and its logins (the front desk gets notices)."""
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as db:
            name = self.database_url.rsplit("/", 1)[1]
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        prepare(self.environment, ["ensure_demo_users", "--url", "http://127.0.0.1/admin/"])

    def start_server(self, workers=2):
        """Another gunicorn on a spare port, as the Procfile runs it; its address."""
        port = free_port()
        log = (self.folder / f"gunicorn-{port}.log").open("w")
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "clinic.wsgi", "-c", "deploy/gunicorn.conf.py"],
            cwd=ROOT,
            env={**self.environment, "PORT": str(port), "WEB_CONCURRENCY": str(workers)},
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        wait_for(port, seconds=60)
        address = f"http://127.0.0.1:{port}"
        self.servers.append((server, address))
        return address

    def stop_server(self, address):
        for server, its_address in list(self.servers):
            if its_address == address:
                server.terminate()
                server.wait(timeout=30)
                self.servers.remove((server, its_address))

    def start_worker(self):
        """The task worker under serve.py's keeper, which starts it again when it dies."""
        procfile_worker = [sys.executable, "manage.py", "db_worker", "--queue-name", "default"]
        self.worker = subprocess.Popen(
            [sys.executable, "scripts/serve.py", "--keep-running", *procfile_worker],
            cwd=ROOT,
            env=self.environment,
            stdout=(self.folder / "worker.log").open("w"),
            stderr=subprocess.STDOUT,
        )

    def wait_for_an_idle_queue(self, seconds=600):
        """Until the worker has done what loading the demo queued (search index, references)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with self.database() as db:
                waiting = db.execute(
                    "SELECT count(*) FROM django_tasks_database_dbtaskresult "
                    "WHERE status IN ('READY', 'RUNNING')"
                ).fetchone()[0]
            if not waiting:
                return
            time.sleep(1)
        raise SystemExit(f"The task worker still has {waiting} tasks after {seconds} s")

    def kill_task_worker(self):
        """SIGKILL the running db_worker (the keeper starts another after a second)."""
        for pid in children(self.worker.pid):
            os.kill(pid, signal.SIGKILL)

    def kill_web_worker(self):
        """SIGKILL one worker of the first gunicorn (its master starts another)."""
        master = self.servers[0][0].pid
        os.kill(children(master)[0], signal.SIGKILL)

    def manage(self, *command):
        return manage(self.environment, *command)

    def database(self):
        """A connection to the run's database, straight to PostgreSQL (never through a fault)."""
        return psycopg.connect(self.database_url, autocommit=True)

    def stop(self):
        for server, _ in self.servers:
            server.terminate()
        if self.worker is not None:
            self.worker.terminate()
        for server, _ in self.servers:
            server.wait(timeout=30)
        if self.worker is not None:
            self.worker.wait(timeout=30)
        for proxy in (self.redis_proxy, self.postgres_proxy, self.mail_proxy):
            proxy.stop()
        self.redis.terminate()
        self.redis.wait(timeout=10)
        if self.small_disk:
            subprocess.run(["umount", str(self.media)], check=False)  # noqa: S607
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as db:
            name = self.database_url.rsplit("/", 1)[1]
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def bump_content_version(self):
        """What any change to content does: every cached page is stale, in every process."""
        with self.database() as db:
            db.execute(
                "UPDATE clinic_contentversion SET token = substr(md5(random()::text), 1, 16), "
                "changed_at = now()"
            )
