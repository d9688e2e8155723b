"""`make serve`: the portal with production settings behind Varnish, on this machine.

gunicorn runs the portal (deploy/gunicorn.conf.py) on a free loopback port, and Varnish
with the repository's VCL listens on http://127.0.0.1:$PORT (8080 unless PORT is set).
Plain HTTP on loopback stands in for the TLS terminator of a real deployment. Ctrl-C stops
both. The database is the one `make run` uses (DATABASE_URL).
"""

import os
import secrets
import signal
import sys
import tempfile
import time
from pathlib import Path

from deploy import stack


def production_env(port: int, workdir: Path) -> dict[str, str]:
    origins = f"http://127.0.0.1:{port},http://localhost:{port}"
    return {
        "DJANGO_SETTINGS_MODULE": "relapse_portal.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CSRF_TRUSTED_ORIGINS": origins,
        "PORTAL_LOOPBACK_HTTP": "true",
        "FRONT_CACHE_URLS": f"http://127.0.0.1:{port}",
        "CACHE_LOCATION": str(workdir / "cache"),
        # Varnish, on this machine, appends the reader's address to X-Forwarded-For: sign-in
        # lock-outs and the feedback form's rate limit count each reader's own.
        "TRUSTED_PROXIES": "127.0.0.1",
    }


def main() -> int:
    try:
        stack.require("varnishd")
    except stack.MissingTool as missing:
        print(f"make serve: {missing}", file=sys.stderr)
        return 1
    port = int(os.environ.get("PORT", "8080"))
    if stack.accepts(port):
        print(f"make serve: port {port} is in use; choose another with PORT=...", file=sys.stderr)
        return 1
    workdir = Path(tempfile.mkdtemp(prefix="portal-serve-"))
    env = production_env(port, workdir)
    stack.manage(env, "migrate", "--noinput", "-v0")
    stack.manage(env, "collectstatic", "--noinput", "-v0")

    servers = []
    try:
        gunicorn, app_port = stack.start_gunicorn(env, workdir)
        servers.append(gunicorn)
        varnish, _ = stack.start_varnish([app_port], workdir, port=port)
        servers.append(varnish)
    except (stack.MissingTool, RuntimeError) as error:
        for server in reversed(servers):
            server.stop()
        print(f"make serve: {error}", file=sys.stderr)
        return 1

    print(f"The portal (production settings) is at http://127.0.0.1:{port}/ behind Varnish.")
    print(f"gunicorn on 127.0.0.1:{app_port}; logs in {workdir}. Ctrl-C stops both.")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while all(server.process.poll() is None for server in servers):
            time.sleep(0.5)
        print("make serve: a server stopped; see the logs above.", file=sys.stderr)
        for server in servers:
            print(f"--- {server.name}\n{server.tail()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        for server in reversed(servers):
            server.stop()


if __name__ == "__main__":
    sys.exit(main())
