"""
Run by scripts/bench_pages.py inside `manage.py shell`, in one process: per page, the queries
of a second view without the page cache, its bytes plain and gzipped, and where an uncached
view's time goes (templates, cache calls, database). Prints them as JSON.
"""

import gzip
import json
import os
import time

from django.core.cache import caches
from django.db import connection
from django.template import base as template_base
from django.test import Client
from django.test.utils import override_settings


# Where an uncached view's time goes: templates, cache calls, database; the rest is Django,
# Wagtail and the middleware.
spent = {"template": 0.0, "cache": 0.0, "cache calls": 0, "database": 0.0, "inside": 0.0}
depth = [0]
render = template_base.Template.render


def timed_render(self, context):
    depth[0] += 1
    started = time.perf_counter()
    try:
        return render(self, context)
    finally:
        depth[0] -= 1
        if not depth[0]:
            spent["template"] += time.perf_counter() - started


template_base.Template.render = timed_render
cache = caches["default"]
for method in ("get", "get_many", "set", "set_many", "add"):

    def timed(*args, _call=getattr(cache, method), **kwargs):  # noqa: B008 (this method, bound now)
        started = time.perf_counter()
        try:
            return _call(*args, **kwargs)
        finally:
            spent["cache"] += time.perf_counter() - started
            spent["cache calls"] += 1
            if depth[0]:  # a call a template made: not the template's own time
                spent["inside"] += time.perf_counter() - started

    setattr(cache, method, timed)

queries = [0]


def timed_query(execute, sql, params, many, context):
    queries[0] += 1
    started = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        spent["database"] += time.perf_counter() - started
        if depth[0]:
            spent["inside"] += time.perf_counter() - started


PAGES = os.environ["PAGES"]  # {name: address}, from bench_pages.py
client, found, VIEWS = Client(), {}, 50
with override_settings(PAGE_CACHE=False), connection.execute_wrapper(timed_query):
    for name, url in json.loads(PAGES).items():
        client.get(url, secure=True)
        queries[0] = 0
        response = client.get(url, secure=True)
        count = queries[0]
        assert response.status_code == 200, (url, response.status_code)
        for key in spent:
            spent[key] = 0
        started = time.perf_counter()
        for _ in range(VIEWS):
            client.get(url, secure=True)
        total = (time.perf_counter() - started) / VIEWS * 1000
        profile = [total] + [
            spent[key] / VIEWS * (1 if key == "cache calls" else 1000) for key in spent
        ]
        found[name] = [count, len(response.content), len(gzip.compress(response.content)), profile]
print(json.dumps(found))
