"""
What a newcomer sees the first time `make run` sets up the clinic: a few lines of progress, the
logins and no tracebacks. The same commands as the Makefile, on a fresh SQLite database.
"""

from tests.conftest import run_manage


def manage(*args, database):
    result = run_manage(
        *args,
        settings="clinic.settings.dev",
        timeout=300,
        DATABASE_URL=f"sqlite:///{database}",
        MEDIA_ROOT=str(database.parent / "media"),
    )
    assert result.returncode == 0, result.stderr
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
    assert "[######.] physicians and news" in text
    assert "[#######] the Spanish pages, roles and workflows" in text
    assert "Logins for the Wagtail admin at http://127.0.0.1:8123/admin/" in text
    assert "username: editor" in text

    # Running it again builds nothing and says so in one line.
    again = manage("load_demo_content", database=database)
    assert again[-1] == "Demo content: everything is already there; nothing changed."
