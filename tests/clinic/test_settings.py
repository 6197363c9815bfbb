"""Production settings refuse to start half-configured and pass Django's deployment checklist."""

import os
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE is set for the browser tests; production must not have it.
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="clinic.settings.production")
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        check=False,
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="clinic.example")
    assert result.returncode != 0
    assert "Production settings need SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "Production settings need ALLOWED_HOSTS" in result.stderr


def test_production_passes_the_deployment_checklist():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-secret-" + "k9Xq2" * 8,
        ALLOWED_HOSTS="clinic.example,www.clinic.example",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
