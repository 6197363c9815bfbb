"""The Chromium the browser tests (and tests/site/test_varnish.py) drive, and its flags."""

import os
from pathlib import Path


# Debian's Chromium for Playwright (its own browser download does not work everywhere).
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
