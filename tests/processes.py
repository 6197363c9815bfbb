"""
The repository's folder, and manage.py run in a process of its own as an operator types it.
"""

import os
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, settings, timeout=120, **env):
    """
    manage.py in a process of its own, as an operator types it, with `settings` and `env` and
    without the test run's Django variables (DJANGO_ALLOW_ASYNC_UNSAFE is set for the browser
    tests; a real server never has it). Returns the CompletedProcess.
    """
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env, DJANGO_SETTINGS_MODULE=settings)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        check=False,
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
