"""
Helpers for the tests that run the site as real server processes: a database of their own with
the demo clinic, the WSGI application served on a port, a private Redis.
"""

import contextlib
import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import psycopg

from tests.network import wait_for_port
from tests.processes import ROOT


def server_environment(**settings):
    """This process's environment without its Django variables, plus `settings`."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update(settings)
    return environment


@contextlib.contextmanager
def wsgi_server(port, environment, log, out=None):
    """
    The WSGI application as a server runs it, on `port` (runserver itself would ask the
    database for unapplied migrations before it serves anything). Its errors go to `log`, a
    file: a pipe nobody reads would fill and stop the server; its output to `out`, if given.
    """
    serve = (
        "from wsgiref.simple_server import make_server; from clinic.wsgi import application; "
        f"make_server('127.0.0.1', {port}, application).serve_forever()"
    )
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", serve],
        cwd=ROOT,
        env=environment,
        stdout=out.open("w") if out else subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    try:
        try:
            wait_for_port(port)
        except AssertionError:
            raise AssertionError("The server did not start: " + log.read_text()[-3000:]) from None
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def manage_shell(environment, code):
    """Python `code` run by `manage.py shell` in a process of its own, with `environment`."""
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
    )


class Browser:
    """A patient's browser: cookies kept, answers as (status, final address, page)."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def get(self, path):
        return self.fetch(urllib.request.Request(self.base + path))  # noqa: S310

    def post(self, path, data):
        request = urllib.request.Request(  # noqa: S310
            self.base + path,
            data=urllib.parse.urlencode(data, doseq=True).encode(),
            headers={"Referer": self.base + path},
        )
        return self.fetch(request)

    def fetch(self, request):
        try:
            with self.opener.open(request, timeout=15) as response:
                return response.status, response.geturl(), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.geturl(), error.read().decode()


def form_token(browser):
    status, _, page = browser.get("/appointments/request/")
    assert status == 200
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def request_appointment(browser, name, token):
    """(status, confirmed): a patient sends the appointment form as a browser would."""
    status, url, _ = browser.post(
        "/appointments/request/",
        {
            "csrfmiddlewaretoken": token,
            "name": name,
            "phone": "(312) 555-0190",
            "patient_type": "new",
            "preferred_days": ["tue"],
            "preferred_times": ["morning"],
            "consent": "on",
        },
    )
    return status, status == 200 and url.endswith("/appointments/request/sent/")


ADMIN_PASSWORD = "a-long-admin-password"  # throwaway databases only


def create_admin(environment):
    """A superuser `admin` with ADMIN_PASSWORD in the database `environment` names."""
    manage_shell(
        environment,
        "from django.contrib.auth import get_user_model; get_user_model().objects."
        f"create_superuser('admin', 'admin@clinic.invalid', '{ADMIN_PASSWORD}')",
    )


def postgres_admin():
    return psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True)


@contextlib.contextmanager
def demo_database(name, environment):
    """A PostgreSQL database `name` with the demo clinic loaded, dropped afterwards."""
    with postgres_admin() as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{name}"')
    try:
        for command in (["migrate", "--noinput"], ["load_demo_content"]):
            subprocess.run(  # noqa: S603
                [sys.executable, "manage.py", *command],
                cwd=ROOT,
                env=environment,
                check=True,
                capture_output=True,
            )
        yield
    finally:
        with postgres_admin() as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def private_redis(port):
    """A Redis of the test's own on `port`, keeping nothing on disk."""
    redis = subprocess.Popen(  # noqa: S603
        [shutil.which("redis-server"), "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        redis.terminate()
        redis.wait(timeout=10)


BUCKET_POLICY = ROOT / "deploy" / "bucket-policy.json"


@contextlib.contextmanager
def s3_bucket(port, bucket, log):
    """
    moto's S3 server on `port`, a process of its own (a real S3 HTTP endpoint), holding `bucket`
    with the policy docs/deploy.md gives. Yields (endpoint, boto3 client, the site's MEDIA_S3_*
    environment).
    """
    # Imported here: boto3 is slow to import and only the S3 tests need it.
    import boto3

    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-c",
            f"from moto.server import main; main(['-H', '127.0.0.1', '-p', '{port}'])",
        ],
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    try:
        wait_for_port(port)
        endpoint = f"http://127.0.0.1:{port}"
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        client.create_bucket(Bucket=bucket)
        policy = BUCKET_POLICY.read_text().replace("BUCKET", bucket)
        client.put_bucket_policy(Bucket=bucket, Policy=policy)
        environment = {
            "MEDIA_S3_BUCKET": bucket,
            "MEDIA_S3_ENDPOINT_URL": endpoint,
            "MEDIA_S3_ACCESS_KEY_ID": "testing",
            "MEDIA_S3_SECRET_ACCESS_KEY": "testing",
        }
        yield endpoint, client, environment
    finally:
        server.terminate()
        server.wait(timeout=10)
