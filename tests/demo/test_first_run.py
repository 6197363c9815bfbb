"""
What a newcomer sees when `make run` sets up the clinic: a few lines of progress, the logins and
no tracebacks, then a site whose links (sitemap, news feed, e-mails) carry the address it is
served at. The Makefile's own commands (read with `make -n`, installing nothing), on a fresh
SQLite database; runserver's part is played by a request through Django in its environment.
"""

import os
import re
import shlex
import subprocess

import pytest

from tests.processes import ROOT, run_manage


PROCEDURE = "/procedures/sacroiliac-joint-injection/"
ASSIGNMENT = re.compile(r"([A-Z_]+)=(.*)")


def make_run(database, *variables):
    """
    Run what `make run` runs after installing, but runserver: returns the output lines, and
    runserver's environment (the variables the recipe gives it).
    """
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SITE_URL", "PORT", "DEBUG", "MAKEFLAGS", "MAKELEVEL", "MFLAGS"}
    }
    recipe = subprocess.run(  # noqa: S603
        ["make", "--no-print-directory", "-n", "run", *variables],  # noqa: S607
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    setup = recipe[recipe.index('echo "Setting up the database"') + 1 :]
    lines = []
    for line in setup:
        if "manage.py" not in line:
            continue
        words = shlex.split(line)
        # make puts variables given on its command line in every command's environment.
        given = dict(variable.split("=", 1) for variable in variables)
        while ASSIGNMENT.fullmatch(words[0]):
            given.update([words.pop(0).split("=", 1)])
        command = words[words.index("manage.py") + 1 :]
        if command[0] == "runserver":
            return lines, given
        lines += manage(*command, database=database, **given)
    raise AssertionError(f"No runserver in the recipe: {setup}")


def manage(*args, database, **env):
    result = run_manage(
        *args,
        settings="clinic.settings.dev",
        timeout=300,
        DATABASE_URL=f"sqlite:///{database}",
        MEDIA_ROOT=str(database.parent / "media"),
        **env,
    )
    assert result.returncode == 0, result.stderr
    return (result.stdout + result.stderr).splitlines()


SERVED = """
from django.conf import settings
from django.test import Client
from home.models import HomePage
client = Client(HTTP_HOST="127.0.0.1")
print(client.get("/sitemap.xml").content.decode())
print(client.get("/news/feed/").content.decode())
print("admin links:", settings.WAGTAILADMIN_BASE_URL)
print("page links:", HomePage.objects.first().full_url)
"""


def served(database, server_env):
    """The sitemap, the RSS feed and the bases of e-mail links, as the server would give them."""
    return "\n".join(manage("shell", "--no-imports", "-c", SERVED, database=database, **server_env))


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    database = tmp_path_factory.mktemp("first-run") / "first-run.sqlite3"
    lines, server_env = make_run(database, "PORT=8123")
    return database, lines, server_env


def test_the_first_run_prints_progress_and_logins_in_a_few_lines(first_run):
    database, lines, _ = first_run
    text = "\n".join(lines)
    assert len(lines) < 30, text  # runserver adds its own few lines after these
    assert "Traceback" not in text and "Task id" not in text, text
    assert "Building the demo clinic:" in text
    assert "[######.] physicians and news" in text
    assert "[#######] the Spanish pages, roles and workflows" in text
    assert "The site's address is now http://127.0.0.1:8123." in text
    assert "Logins for the Wagtail admin at http://127.0.0.1:8123/admin/" in text
    assert "username: editor" in text

    # Running it again builds nothing and says so in one line.
    again = manage("load_demo_content", database=database)
    assert again[-1] == "Demo content: everything is already there; nothing changed."


def test_make_run_gives_the_links_the_address_it_serves_at_but_keeps_a_real_one(first_run):
    database, _, server_env = first_run
    assert server_env["SITE_URL"] == "http://127.0.0.1:8123"
    site = served(database, server_env)
    assert f"<loc>http://127.0.0.1:8123{PROCEDURE}</loc>" in site
    assert "<link>http://127.0.0.1:8123/news/</link>" in site
    assert re.search(r"<item><title>[^<]+</title><link>http://127\.0\.0\.1:8123/news/", site)
    assert "admin links: http://127.0.0.1:8123" in site
    assert "page links: http://127.0.0.1:8123/" in site
    assert "localhost" not in site

    # Another port another day: the links follow it.
    lines, server_env = make_run(database, "PORT=8124")
    assert "The site's address is now http://127.0.0.1:8124." in lines
    assert f"<loc>http://127.0.0.1:8124{PROCEDURE}</loc>" in served(database, server_env)

    # An address a site admin (or a deploy) gave the site is a real one: `make run` keeps it.
    manage("set_site_address", "https://clinic.example", database=database)
    lines, server_env = make_run(database, "PORT=8125")
    assert any(line.startswith("The site's address stays https://clinic.example") for line in lines)
    assert f"<loc>https://clinic.example{PROCEDURE}</loc>" in served(database, server_env)

    # Unless SITE_URL is given: then it is applied as given, as a deploy's `migrate` does.
    _, server_env = make_run(database, "PORT=8125", "SITE_URL=http://127.0.0.1:8125")
    assert f"<loc>http://127.0.0.1:8125{PROCEDURE}</loc>" in served(database, server_env)
