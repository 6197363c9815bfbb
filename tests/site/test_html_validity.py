"""Every page type is valid HTML, checked by the Nu HTML Checker."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.fictional_content import create_fictional_physician, record_fictional_review
from tests.pages import ALL_PAGES


VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"


JAVA = shutil.which("java")


def checker_missing():
    if not JAVA:
        return "no java on PATH"
    if not VNU_JAR.exists():
        return f"no {VNU_JAR.name}: run `npm ci` in the repository"
    return None


@pytest.fixture
def vnu():
    missing = checker_missing()
    if missing:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"The HTML checker must run here, but there is {missing}")
        pytest.skip(f"HTML validity check skipped: {missing} (and Java 11+ on PATH).")

    def check(paths):
        result = subprocess.run(  # noqa: S603
            [
                JAVA,
                "-jar",
                str(VNU_JAR),
                "--format",
                "json",
                "--exit-zero-always",
                *map(str, paths),
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
        return json.loads(result.stderr)["messages"]

    return check


@pytest.mark.django_db
def test_every_page_type_is_valid_html(client, vnu, tmp_path):
    # A profile with a photo and a reviewed procedure, so their markup is checked too.
    record_fictional_review(create_fictional_physician())

    files = []
    for page_type, path in ALL_PAGES.items():
        response = client.get(path)
        assert response.status_code in (200, 400, 404), path
        file = tmp_path / (page_type.replace(" ", "-") + ".html")
        file.write_bytes(response.content)
        files.append(file)

    errors = [
        f"{Path(message['url']).name}:{message.get('lastLine')}: {message['message']}"
        for message in vnu(files)
        if message["type"] in ("error", "non-document-error")
    ]
    assert errors == [], "\n".join(errors)
