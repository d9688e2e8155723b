"""`make bench`, the served side: requests per second with wrk, side by side, in one run.

On loopback, each started and stopped here: nginx serving a saved copy of the IVIG page (the
limit), a bare Django view returning the same bytes under gunicorn (the Python ceiling), the
portal with production settings under gunicorn (uncached), and the portal through Varnish,
for the treatment, side effect, glossary, comparison and search pages. Each figure is shown
as a share of bare Django and of nginx. Needs the demo content (make run, or make bench).
"""

import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from deploy import stack

PAGES = {
    "treatment (IVIG)": "/treatments/ivig/",
    "side effect": "/side-effects/headache/",
    "glossary term": "/glossary/corticosteroid/",
    "comparison": "/treatments/compare/",
    "search": "/search/?query=steroids",
}
WRK = ["-t2", "-c16", f"-d{os.environ.get('BENCH_SECONDS', '5')}s", "--timeout", "30s"]
NGINX_CONF = """
worker_processes 2;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {dir};
        location = / {{ default_type "text/html; charset=utf-8"; try_files /ivig.html =404; }}
    }}
}}
"""


def portal_env(workdir: Path) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "relapse_portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CSRF_TRUSTED_ORIGINS": "http://127.0.0.1",
        "PORTAL_LOOPBACK_HTTP": "true",
        "CACHE_LOCATION": str(workdir / "cache"),
        "GUNICORN_LOG_LEVEL": "warning",
    }


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
        return response.read()


def wrk(url: str) -> float:
    """Requests per second; a run with errors or non-2xx answers is refused."""
    result = subprocess.run(  # noqa: S603
        [stack.require("wrk"), *WRK, url], capture_output=True, text=True, check=True
    )
    if "Non-2xx" in result.stdout or "Socket errors" in result.stdout:
        raise RuntimeError(f"wrk saw errors on {url}:\n{result.stdout}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))


def start_nginx(page: bytes, workdir: Path) -> tuple[stack.Server, int]:
    nginx = stack.require("nginx")
    directory = workdir / "nginx"
    directory.mkdir()
    (directory / "ivig.html").write_bytes(page)
    port = stack.free_port()
    (directory / "nginx.conf").write_text(NGINX_CONF.format(dir=directory, port=port))
    for path in (workdir, directory, directory / "ivig.html"):
        path.chmod(0o755)  # nginx's workers run as an unprivileged user
    server = stack.Server(
        "nginx", [nginx, "-c", str(directory / "nginx.conf")], workdir / "nginx.log"
    )
    server.wait_until(lambda: stack.accepts(port))
    return server, port


def purge_latency(varnish_port: int, app_port: int, path: str, runs: int = 20):
    """Median ms of a purge by tag (as a publish sends it), and until the fresh page is served."""
    with urllib.request.urlopen(f"http://127.0.0.1:{app_port}{path}", timeout=10) as response:
        tree_tags = [tag for tag in response.headers["xkey"].split() if tag.startswith("tree-")]
    own_tag = max(tree_tags, key=len)  # the page's own place in the tree
    page_url = f"http://127.0.0.1:{varnish_port}{path}"
    purge = urllib.request.Request(
        f"http://127.0.0.1:{varnish_port}/", method="PURGE", headers={"xkey-purge": own_tag}
    )
    purged, fresh = [], []
    for _ in range(runs):
        fetch(page_url)
        start = time.perf_counter()
        urllib.request.urlopen(purge, timeout=10).close()  # noqa: S310 - loopback
        purged.append((time.perf_counter() - start) * 1000)
        with urllib.request.urlopen(page_url, timeout=10) as response:
            if response.headers["X-Cache"] != "miss":
                raise RuntimeError(f"a purge of {own_tag} left {path} in the cache")
            response.read()
        fresh.append((time.perf_counter() - start) * 1000)
    return statistics.median(purged), statistics.median(fresh)


def share(value: float, of: float) -> str:
    return f"{100 * value / of:.1f}%"


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    servers = []
    try:
        for program in ("wrk", "nginx", "varnishd"):
            stack.require(program)
        env = portal_env(workdir)
        stack.manage(env, "collectstatic", "--noinput", "-v0")
        portal, portal_port = stack.start_gunicorn(env, workdir)
        servers.append(portal)
        varnish, varnish_port = stack.start_varnish([portal_port], workdir, host="127.0.0.1")
        servers.append(varnish)
        page = fetch(f"http://127.0.0.1:{portal_port}{PAGES['treatment (IVIG)']}")
        (workdir / "ivig.html").write_bytes(page)
        nginx, nginx_port = start_nginx(page, workdir)
        servers.append(nginx)
        bare, bare_port = stack.start_gunicorn(
            {
                "BARE_PAGE": str(workdir / "ivig.html"),
                "PORTAL_WSGI_APP": "deploy.bare_django:application",
                "GUNICORN_LOG_LEVEL": "warning",
            },
            workdir,
        )
        servers.append(bare)

        print(f"wrk {' '.join(WRK)} per row; the IVIG page is {len(page) / 1024:.1f} kB")
        nginx_rps = wrk(f"http://127.0.0.1:{nginx_port}/")
        bare_rps = wrk(f"http://127.0.0.1:{bare_port}/")
        rows = [("nginx, saved IVIG page", nginx_rps), ("bare Django view, same bytes", bare_rps)]
        for name, path in PAGES.items():
            rows.append((f"portal uncached, {name}", wrk(f"http://127.0.0.1:{portal_port}{path}")))
            fetch(f"http://127.0.0.1:{varnish_port}{path}")  # in the cache before timing
            rows.append(
                (f"portal via Varnish, {name}", wrk(f"http://127.0.0.1:{varnish_port}{path}"))
            )

        print(f"{'What serves the page':<42}{'requests/s':>12}{'of Django':>11}{'of nginx':>10}")
        for name, rps in rows:
            print(f"{name:<42}{rps:>12,.0f}{share(rps, bare_rps):>11}{share(rps, nginx_rps):>10}")
        purged, fresh = purge_latency(varnish_port, portal_port, PAGES["treatment (IVIG)"])
        print(
            f"Purge of the IVIG page by tag: median {purged:.1f} ms; until its fresh copy "
            f"is served (one uncached render): {fresh:.1f} ms"
        )
        return 0
    except (stack.MissingTool, RuntimeError, subprocess.CalledProcessError) as error:
        print(f"make bench: {error}", file=sys.stderr)
        return 1
    finally:
        for server in reversed(servers):
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
