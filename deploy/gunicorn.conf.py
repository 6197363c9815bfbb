"""
gunicorn's settings for the web process (Procfile, deploy/systemd/clinic-web.service, make serve).
Each can be changed from the environment without editing this file.
"""

import logging
import multiprocessing
import os
import re
import sys
import time


# Where the proxy in front (Varnish, nginx, a load balancer) reaches the app.
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# gunicorn's rule of thumb, 2 × cores + 1 worker processes; each holds one database connection
# per thread (size PostgreSQL's max_connections above the total of every server).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A request that takes longer than this is stuck: its worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# Replace each worker after about this many requests (slow leaks never grow for long), but
# never two at once. gunicorn's own jitter does not ensure that: the workers share the load
# evenly, so their counts grow together, and a jitter of 200 in 2000 spread them by a second or
# less (in a soak both workers restarted within the same second: nobody left to answer while
# the new ones loaded Django). So each worker gets a slot of its own (pre_fork), and once past
# its budget it restarts only in the first half of its slot's RECYCLE_SLOT_SECONDS, taking
# turns with the others: two restarts are at least half a slot apart (post_request).
# tests/site/test_worker_recycling.py measures it.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 2  # each worker's own budget, 2000 to 3000 requests
RECYCLE_SLOT_SECONDS = float(os.environ.get("GUNICORN_RECYCLE_SLOT_SECONDS", "4"))
# The site logs each request itself (clinic.operations.request_log, with its request id); gunicorn only
# says when it starts, stops and replaces workers, on stderr.
accesslog = None
errorlog = "-"
# X-Forwarded-Proto is believed from these addresses only (the proxy in front).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "clinic-web"
# No runtime control socket (gunicorn 27): several app servers on one machine would share its path.
control_socket_disable = True


class WithoutQueryStrings(logging.Filter):
    """
    gunicorn's own error lines name the request they were handling ("Error handling request
    GET /search/?q=…" when a worker times out): its address stays, its query string, which can
    hold what a patient typed, goes.
    """

    ADDRESS = re.compile(r"(/[^?\s]*)\?\S+")

    def filter(self, record):
        if isinstance(record.args, tuple):
            record.args = tuple(
                self.ADDRESS.sub(r"\1?…", arg) if isinstance(arg, str) else arg
                for arg in record.args
            )
        record.msg = (
            self.ADDRESS.sub(r"\1?…", record.msg) if isinstance(record.msg, str) else record.msg
        )
        return True


def on_starting(server):
    """In the master, before the workers fork: they inherit the filter."""
    logging.getLogger("gunicorn.error").addFilter(WithoutQueryStrings())


def pre_fork(server, worker):
    """In the master: the new worker takes the first recycling slot no living worker holds."""
    taken = {getattr(sibling, "recycle_slot", None) for sibling in server.WORKERS.values()}
    worker.recycle_slot = next(slot for slot in range(len(taken) + 1) if slot not in taken)


def post_fork(server, worker):
    """In the worker: its budget (max_requests + jitter) is kept here; gunicorn's own check off."""
    worker.request_budget = worker.max_requests
    worker.max_requests = sys.maxsize


def post_request(worker, req, environ, resp):
    """Past its budget, the worker restarts after this request, if its slot is now open."""
    if worker.nr < worker.request_budget or not worker.alive:
        return
    now = time.time()
    turn = int(now // RECYCLE_SLOT_SECONDS) % max(workers, worker.recycle_slot + 1)
    if turn == worker.recycle_slot and now % RECYCLE_SLOT_SECONDS < RECYCLE_SLOT_SECONDS / 2:
        worker.log.info(
            "Autorestarting worker after %d requests (slot %d, at %.3f)",
            worker.nr,
            worker.recycle_slot,
            now,
        )
        worker.alive = False
