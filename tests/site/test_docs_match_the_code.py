"""
The maintainers' documents name only what exists: every file or folder of the repository they
cite, and every module, class or function they name in dotted form.
"""

import importlib
import re
from pathlib import Path

import pytest

from django.apps import apps


ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [
    path.relative_to(ROOT)
    for path in [
        ROOT / "README.md",
        ROOT / "CONTRIBUTING.md",
        *sorted((ROOT / "docs").glob("*.md")),
        *sorted(ROOT.glob("demo/content/*/README*")),
    ]
]
TOP_LEVEL = {path.name for path in ROOT.iterdir()}
FILE_ENDINGS = (".py", ".md", ".html", ".toml", ".css", ".js", ".vcl", ".txt", ".json", ".csv")


def quoted(document):
    return re.findall(r"`([^`\s]+)`", (ROOT / document).read_text())


def cited_paths(document):
    """`clinic/caching/cache.py`, `templates/components/` …: quoted names under a top-level folder."""
    for token in quoted(document):
        token = token.split(":")[0].rstrip(".,")
        if any(mark in token for mark in "<>*{}$=()"):
            continue  # a pattern, not a path
        if ("/" in token or token.endswith(FILE_ENDINGS)) and token.split("/")[0] in TOP_LEVEL:
            yield token


def cited_names(document):
    """`clinic.caching.content_version.bump`, `clinic.caching.cache.TieredCache` …: dotted names in our apps."""
    for token in quoted(document):
        token = token.removesuffix("()")
        if not re.fullmatch(r"[a-z_]+(\.[A-Za-z_][A-Za-z0-9_]*)+", token):
            continue
        if token.split(".")[0] in TOP_LEVEL and not token.endswith(FILE_ENDINGS):
            yield token


def resolves(name):
    """A module (its file), an attribute of one, or a model's label (`physicians.PhysicianPage`)."""
    parts = name.split(".")
    if len(parts) == 2 and parts[1][0].isupper():
        try:
            apps.get_model(name)
        except LookupError:
            pass
        else:
            return True
    for split in range(len(parts), 0, -1):
        module = ROOT.joinpath(*parts[:split])
        if module.with_suffix(".py").exists() or (module / "__init__.py").exists():
            break
    else:
        return False
    found = importlib.import_module(".".join(parts[:split])) if parts[split:] else None
    for attribute in parts[split:]:
        if not hasattr(found, attribute):
            return False
        found = getattr(found, attribute)
    return True


@pytest.mark.parametrize("document", DOCUMENTS, ids=str)
def test_every_path_a_document_cites_exists(document):
    missing = [path for path in cited_paths(document) if not (ROOT / path).exists()]
    assert missing == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=str)
def test_every_module_and_name_a_document_cites_exists(document):
    missing = [name for name in cited_names(document) if not resolves(name)]
    assert missing == []
