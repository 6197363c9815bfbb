"""
The process model in deploy/ and the Procfile says the same thing everywhere, and each scheduled
job in deploy/crontab runs. (`make serve` runs the Procfile itself: tests/site/test_serve.py.)
"""

import io
import re
import shlex
import sys

import pytest
from gunicorn.app.wsgiapp import WSGIApplication

from django.core.management import call_command, get_commands, load_command_class
from django.test import override_settings

from tests.processes import ROOT


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def procfile():
    lines = (ROOT / "Procfile").read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip() and not line.startswith("#"))


def exec_start(unit):
    text = (ROOT / "deploy" / "systemd" / unit).read_text()
    command = re.search(r"^ExecStart=(.+)$", text, re.MULTILINE).group(1)
    return command.replace("/srv/clinic/.venv/bin/", "")


def manage_py_commands(command_line):
    """Each `python manage.py NAME ARGS` of a Procfile line, as (name, arguments)."""
    for step in command_line.split("&&"):
        words = shlex.split(step)
        assert words[:2] == ["python", "manage.py"], step
        yield words[2], words[3:]


def test_the_procfile_names_the_web_worker_and_release_steps():
    assert set(procfile()) == {"release", "web", "worker"}
    assert procfile()["web"].split()[0] == "gunicorn"


@pytest.mark.parametrize("process", ["release", "worker"])
@override_settings(TASKS=DATABASE_TASKS)  # production's backend, which db_worker checks for
def test_the_procfiles_manage_py_steps_are_commands_that_take_their_arguments(process):
    """A command renamed or an option dropped fails here, not on the next deploy."""
    commands = get_commands()
    for name, arguments in manage_py_commands(procfile()[process]):
        assert name in commands, name
        command = load_command_class(commands[name], name)
        command.create_parser("manage.py", name).parse_args(arguments)


@pytest.mark.parametrize(
    ("unit", "process"), [("clinic-web.service", "web"), ("clinic-worker.service", "worker")]
)
def test_the_systemd_units_run_the_procfiles_commands(unit, process):
    assert exec_start(unit) == procfile()[process]
    assert "EnvironmentFile=/etc/clinic.env" in (ROOT / "deploy" / "systemd" / unit).read_text()


def gunicorn_as_the_procfile_starts_it(monkeypatch, **env):
    """gunicorn's own reading of the web line: its arguments, then the --config file."""
    for name in ("WEB_CONCURRENCY", "PORT", "HOST", "GUNICORN_THREADS", "GUNICORN_CMD_ARGS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "argv", shlex.split(procfile()["web"]))
    return WSGIApplication()


def test_gunicorn_serves_the_sites_wsgi_application_with_the_settings_deploy_md_promises(
    monkeypatch,
):
    from clinic.wsgi import application  # builds the site's WSGI stack: only here

    gunicorn = gunicorn_as_the_procfile_starts_it(monkeypatch)
    assert gunicorn.load() is application
    settings = gunicorn.cfg
    assert settings.workers >= 1 and settings.threads >= 1
    assert settings.address == [("127.0.0.1", 8000)]
    assert 0 < settings.timeout <= 60  # a stuck request's worker is replaced
    assert settings.max_requests > 0 and settings.max_requests_jitter > 0  # not all at once
    assert settings.accesslog is None  # the site logs requests itself, with their id
    assert callable(settings.on_starting)  # query strings out of gunicorn's own log

    chosen = gunicorn_as_the_procfile_starts_it(
        monkeypatch,
        WEB_CONCURRENCY="3",
        PORT="5000",
        HOST="0.0.0.0",  # noqa: S104
    ).cfg
    assert (chosen.workers, chosen.address) == (3, [("0.0.0.0", 5000)])  # noqa: S104


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
    with override_settings(TASKS=DATABASE_TASKS):
        errors = io.StringIO()
        call_command(name, *arguments, stdout=io.StringIO(), stderr=errors)
    assert errors.getvalue() == ""
