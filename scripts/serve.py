#!/usr/bin/env python
"""
make serve: the site as production runs it, on this machine. Production settings, the Procfile's
release steps (migrate, collectstatic), the demo clinic, then the Procfile's web (gunicorn,
deploy/gunicorn.conf.py) and worker (db_worker) processes under honcho, on PORT.

Local differences from a real server, each printed: plain HTTP on 127.0.0.1 (no TLS proxy in
front: SERVE_OVER_HTTP=true), a random SECRET_KEY for this run unless one is given, Django serving
uploaded media unless MEDIA_S3_BUCKET is set, and SQLite unless DATABASE_URL names a database.
Redis is required, as in production (REDIS_URL, default redis://127.0.0.1:6379/0).
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit


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
    honcho = shutil.which("honcho", path=env["PATH"])
    os.chdir(ROOT)
    os.execve(honcho, [honcho, "start", "--procfile", "Procfile", "web", "worker"], env)  # noqa: S606


if __name__ == "__main__":
    main()
