"""
The server the browser tests drive answers requests that arrive together, as a browser sends
them (a page's scripts, its translations and a form post at once), on SQLite as on PostgreSQL:
each of its threads has a database connection of its own.
"""

import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest


pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed data

PATHS = [
    "/",
    "/procedures/",
    "/procedures/sacroiliac-joint-injection/",
    "/conditions/",
    "/search/?q=back+pain",
    "/es/",
    "/admin/login/",
    "/appointments/request/",
]


def fetch(url):
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (a local address)
        return response.status, response.read()


def test_requests_that_arrive_together_are_each_answered(site_url):
    urls = [site_url + path for path in PATHS] * 4
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(fetch, urls))
    assert [status for status, _ in answers] == [200] * len(urls)
    # The same page, asked for at the same moment, is the same page each time.
    by_url = {}
    for url, (_, body) in zip(urls, answers, strict=True):
        by_url.setdefault(url, set()).add(b"<h1" in body)
    assert all(found == {True} for found in by_url.values())
