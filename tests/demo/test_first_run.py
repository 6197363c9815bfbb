"""
What a newcomer sees the first time `make run` sets up the clinic: a few lines of progress, the
logins and no tracebacks. The same commands as the Makefile, on a fresh SQLite database.
"""

import os
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]


def manage(*args, database):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="clinic.settings.dev",
        DATABASE_URL=f"sqlite:///{database}",
        MEDIA_ROOT=str(database.parent / "media"),
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        check=True,
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return (result.stdout + result.stderr).splitlines()


def test_the_first_run_prints_progress_and_logins_in_a_few_lines(tmp_path):
    database = tmp_path / "first-run.sqlite3"
    lines = [
        *manage("migrate", "--noinput", "--verbosity", "0", database=database),
        *manage("load_demo_content", database=database),
        *manage("ensure_demo_users", "--url", "http://127.0.0.1:8123/admin/", database=database),
    ]
    text = "\n".join(lines)
    assert len(lines) < 30, text  # runserver adds its own few lines after these
    assert "Traceback" not in text and "Task id" not in text, text
    assert "Building the demo clinic:" in text
    assert "[######] physicians, news, roles and workflows" in text
    assert "Logins for the Wagtail admin at http://127.0.0.1:8123/admin/" in text
    assert "username: editor" in text

    # Running it again builds nothing and says so in one line.
    again = manage("load_demo_content", database=database)
    assert again[-1] == "Demo content: everything is already there; nothing changed."
