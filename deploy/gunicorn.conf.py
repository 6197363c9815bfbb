"""
gunicorn's settings for the web process (Procfile, deploy/systemd/clinic-web.service, make serve).
Each can be changed from the environment without editing this file.
"""

import logging
import multiprocessing
import os
import re


# Where the proxy in front (Varnish, nginx, a load balancer) reaches the app.
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# gunicorn's rule of thumb, 2 × cores + 1 worker processes; each holds one database connection
# per thread (size PostgreSQL's max_connections above the total of every server).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A request that takes longer than this is stuck: its worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# Replace each worker after about this many requests (slow leaks never grow for long).
max_requests = 2000
max_requests_jitter = 200
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
