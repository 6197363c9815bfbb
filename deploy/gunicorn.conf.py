"""
gunicorn's settings for the web process (Procfile, deploy/systemd/clinic-web.service, make serve).
Each can be changed from the environment without editing this file.
"""

import multiprocessing
import os


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
# The site logs each request itself (clinic.request_log, with its request id); gunicorn only
# says when it starts, stops and replaces workers, on stderr.
accesslog = None
errorlog = "-"
# X-Forwarded-Proto is believed from these addresses only (the proxy in front).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "clinic-web"
# No runtime control socket (gunicorn 27): several app servers on one machine would share its path.
control_socket_disable = True
