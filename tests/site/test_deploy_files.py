"""
The process model in deploy/ and the Procfile says the same thing everywhere, and each scheduled
job in deploy/crontab runs. (`make serve` runs the Procfile itself: tests/site/test_serve.py.)
"""

import io
import multiprocessing
import re
import runpy
import shlex

import pytest

from django.core.management import call_command
from django.test import override_settings

from tests.conftest import ROOT


def procfile():
    lines = (ROOT / "Procfile").read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip() and not line.startswith("#"))


def exec_start(unit):
    text = (ROOT / "deploy" / "systemd" / unit).read_text()
    command = re.search(r"^ExecStart=(.+)$", text, re.MULTILINE).group(1)
    return command.replace("/srv/clinic/.venv/bin/", "")


def test_the_procfile_names_the_web_worker_and_release_steps():
    processes = procfile()
    assert set(processes) == {"release", "web", "worker"}
    assert processes["release"] == (
        "python manage.py compile_translations && python manage.py migrate --noinput"
        " && python manage.py collectstatic --noinput"
    )


@pytest.mark.parametrize(
    ("unit", "process"), [("clinic-web.service", "web"), ("clinic-worker.service", "worker")]
)
def test_the_systemd_units_run_the_procfiles_commands(unit, process):
    assert exec_start(unit) == procfile()[process]
    assert "EnvironmentFile=/etc/clinic.env" in (ROOT / "deploy" / "systemd" / unit).read_text()


def gunicorn_settings(monkeypatch, **env):
    for name in ("WEB_CONCURRENCY", "PORT", "HOST", "GUNICORN_THREADS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))


def test_gunicorn_takes_its_workers_from_the_cores_and_its_port_from_the_environment(
    monkeypatch,
):
    defaults = gunicorn_settings(monkeypatch)
    assert defaults["workers"] == multiprocessing.cpu_count() * 2 + 1
    assert defaults["bind"] == "127.0.0.1:8000"
    assert defaults["accesslog"] is None  # the site logs requests itself, with their id

    chosen = gunicorn_settings(monkeypatch, WEB_CONCURRENCY="3", PORT="5000", HOST="0.0.0.0")  # noqa: S104
    assert (chosen["workers"], chosen["bind"]) == (3, "0.0.0.0:5000")


def cron_jobs():
    """Each crontab line's manage.py command, as (name, arguments)."""
    jobs = []
    for line in (ROOT / "deploy" / "crontab").read_text().splitlines():
        if "manage.py" in line and not line.startswith("#"):
            words = shlex.split(line.split("manage.py", 1)[1])
            jobs.append((words[0], words[1:]))
    return jobs


def test_the_crontab_holds_every_scheduled_job():
    assert [name for name, _ in cron_jobs()] == [
        "publish_scheduled",
        "send_review_reminders",
        "send_appointment_notices",
        "delete_old_appointment_requests",
        "prune_db_task_results",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "arguments"), cron_jobs(), ids=[job[0] for job in cron_jobs()])
def test_each_scheduled_job_runs(name, arguments):
    database_tasks = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=database_tasks):
        call_command(name, *arguments, stdout=io.StringIO(), stderr=io.StringIO())
