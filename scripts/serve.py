#!/usr/bin/env python
"""
make serve: the site as production runs it, on this machine. Production settings, the Procfile's
release steps (migrate, collectstatic), the demo clinic, then the Procfile's web (gunicorn,
deploy/gunicorn.conf.py) and worker (db_worker) processes under honcho, on PORT. A worker that
dies is started again (as systemd's Restart=always does in production), so notices do not wait
for someone to notice: honcho itself would stop everything when one process ends.

Local differences from a real server, each printed: plain HTTP on 127.0.0.1 (no TLS proxy in
front: SERVE_OVER_HTTP=true), a random SECRET_KEY for this run unless one is given, Django serving
uploaded media unless MEDIA_S3_BUCKET is set, and SQLite unless DATABASE_URL names a database.
Redis is required, as in production (REDIS_URL, default redis://127.0.0.1:6379/0).
"""

import os
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from honcho.environ import expand_processes, parse_procfile
from honcho.manager import Manager


ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def redis_answers(url):
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith((b"+PONG", b"-NOAUTH"))
    except OSError:
        return False


def environment():
    port = os.environ.get("PORT", "8000")
    defaults = {
        "DJANGO_SETTINGS_MODULE": "clinic.settings.production",
        "PORT": port,
        "SITE_URL": f"http://127.0.0.1:{port}",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "SERVE_OVER_HTTP": "true",
        "CLINIC_PHONE": "(312) 555-0147",
    }
    env = {**defaults, **os.environ}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["ALLOWED_HOSTS"] = env.get("ALLOWED_HOSTS") or "127.0.0.1,localhost"
    if not env.get("SECRET_KEY"):
        env["SECRET_KEY"] = secrets.token_urlsafe(50)
        print("SECRET_KEY: a random one for this run (staff sign in again after a restart).")
    if not env.get("MEDIA_S3_BUCKET"):
        env.setdefault("SERVE_MEDIA_FILES", "true")
        print(
            "Media: on this disk (media/), served by Django; MEDIA_S3_BUCKET puts them in a bucket."
        )
    if not env.get("DATABASE_URL"):
        print("Database: SQLite (db.sqlite3), the one `make run` uses; DATABASE_URL picks another.")
    return env


def run(env, *command):
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def main():
    env = environment()
    if not redis_answers(env["REDIS_URL"]):
        sys.exit(
            f"make serve needs Redis, as production does, and nothing answers at {env['REDIS_URL']}.\n"
            "Start it (e.g. `redis-server --daemonize yes`) or set REDIS_URL."
        )
    python = sys.executable
    print(
        "Release steps (the Procfile's release line): compile_translations, migrate, collectstatic"
    )
    run(env, python, "manage.py", "compile_translations", "--verbosity", "0")
    run(env, python, "manage.py", "migrate", "--noinput", "--verbosity", "0")
    run(env, python, "manage.py", "collectstatic", "--noinput", "--verbosity", "0")
    run(env, python, "manage.py", "load_demo_content")
    run(env, python, "manage.py", "ensure_demo_users", "--url", f"{env['SITE_URL']}/admin/")
    print(
        f"Serving the clinic as production does on {env['SITE_URL']}/ "
        "(gunicorn and the task worker; Ctrl+C stops both)."
    )
    processes = parse_procfile((ROOT / "Procfile").read_text()).processes
    keep_running = f"{shlex.quote(python)} {shlex.quote(__file__)} --keep-running "
    commands = {"web": processes["web"], "worker": keep_running + processes["worker"]}
    # What `honcho start web worker` does, with the worker under keep_running().
    manager = Manager()
    for process in expand_processes(commands, env=env):
        manager.add_process(process.name, process.cmd, env={**env, **process.env}, cwd=ROOT)
    manager.loop()
    sys.exit(manager.returncode)


FIRST_WAIT = 1  # seconds before starting a worker that stopped again, doubling up to:
LONGEST_WAIT = 30


def keep_running(command):
    """
    Run `command`, and start it again each time it stops, until this process is told to stop
    (SIGTERM from honcho, or Ctrl+C), which it passes on. The command runs in a process group of
    its own, so that it is told once, by this process.
    """
    child = None
    stopping = False

    def stop(signum, frame):
        nonlocal stopping
        stopping = True
        if child is not None and child.poll() is None:
            child.send_signal(signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    wait = FIRST_WAIT
    while not stopping:
        started = time.monotonic()
        child = subprocess.Popen(command, cwd=ROOT, process_group=0)
        if stopping:  # told while it started
            child.terminate()
        status = child.wait()
        if stopping:
            return
        if time.monotonic() - started > 60:
            wait = FIRST_WAIT  # it ran a good while: this is a new failure, not the same one
        print(
            f"The worker stopped (exit status {status}); starting it again in {wait} s.",
            flush=True,
        )
        deadline = time.monotonic() + wait
        while not stopping and time.monotonic() < deadline:
            time.sleep(0.1)
        wait = min(wait * 2, LONGEST_WAIT)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--keep-running"]:
        keep_running(sys.argv[2:])
    else:
        main()
