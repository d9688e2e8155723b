"""Gunicorn, the portal's application server (`make serve`, and production).

Run from the project directory: gunicorn -c deploy/gunicorn.conf.py. Varnish sits in front,
so slow clients are its problem, not a worker's: plain synchronous workers, one per request.
"""

import multiprocessing
import os

wsgi_app = "relapse_portal.wsgi:application"
bind = os.environ.get("PORTAL_BIND", "127.0.0.1:8000")

# Page rendering is CPU-bound: about two workers per core keeps every core busy while one
# worker waits for PostgreSQL.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = 30
graceful_timeout = 10
# Recycle workers now and then, so a slow leak can never grow without bound.
max_requests = 5000
max_requests_jitter = 500
# Import the portal once, before forking: less memory, and a broken deploy fails at start.
preload_app = True

# Varnish (on this machine) says whether the reader came over HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Stopped and reloaded by signals (systemd, `make serve`); no control socket shared by all
# the gunicorns of one user.
control_socket_disable = True

# Varnish logs every request (varnishncsa); the app servers log errors only.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
