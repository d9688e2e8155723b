"""Start and stop the production stack on loopback: Redis, gunicorn, Varnish and nginx.

Used by `make serve`, `make bench` and the front-cache tests. Each server listens on
127.0.0.1 on a port of its own and is stopped (with everything it started) by stop().
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VCL_DIR = ROOT / "deploy" / "varnish"
GUNICORN_CONFIG = ROOT / "deploy" / "gunicorn.conf.py"

INSTALL = {
    "varnishd": "Varnish is needed: sudo apt-get install varnish varnish-modules",
    "redis-server": "Redis is needed: sudo apt-get install redis-server",
    "nginx": "nginx is needed: sudo apt-get install nginx-light",
    "wrk": "wrk is needed: sudo apt-get install wrk",
}
XKEY_VMOD = "Varnish's xkey module is needed: sudo apt-get install varnish-modules"


class MissingTool(RuntimeError):
    """A program the stack needs is not installed; the message says how to install it."""


def require(program: str) -> str:
    path = shutil.which(program) or shutil.which(program, path="/usr/sbin:/sbin")
    if path is None:
        raise MissingTool(INSTALL[program])
    return path


def manage(env: dict, *args: str) -> None:
    """Run a manage.py command with ``env`` added to this process's environment."""
    subprocess.run(  # noqa: S603 - our own command line
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**os.environ, **env}, check=True
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A program started in a process group of its own, stopped with its children."""

    def __init__(self, name: str, args: list[str], log: Path, env=None, cwd=ROOT):
        self.name, self.log = name, log
        with open(log, "ab") as output:
            self.process = subprocess.Popen(  # noqa: S603 - our own command lines
                args,
                cwd=cwd,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )

    def wait_until(self, ready, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not ready():
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} stopped at start:\n{self.tail()}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{self.name} did not start in {timeout} s:\n{self.tail()}")
            time.sleep(0.05)

    def tail(self, lines: int = 30) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def answers(url: str, host: str = "localhost") -> bool:
    request = urllib.request.Request(url, headers={"Host": host})  # noqa: S310 - loopback
    try:
        with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310
            return response.status == 200
    except OSError:
        return False


def accepts(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def start_redis(workdir: Path) -> tuple[Server, int]:
    port = free_port()
    server = Server(
        "redis-server",
        [
            require("redis-server"),
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
        ],
        workdir / f"redis-{port}.log",
    )
    server.wait_until(lambda: accepts(port))
    return server, port


def start_gunicorn(env: dict, workdir: Path, workers: int = 2, host: str = "localhost"):
    """gunicorn with the portal (or env["PORTAL_WSGI_APP"]); ready once /health/ answers."""
    port = free_port()
    args = [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONFIG)]
    args += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    if app := env.get("PORTAL_WSGI_APP"):
        args.append(app)
    server = Server("gunicorn", args, workdir / f"gunicorn-{port}.log", env={**os.environ, **env})
    server.wait_until(lambda: answers(f"http://127.0.0.1:{port}/health/", host), timeout=60)
    return server, port


def site_vcl(app_ports: list[int], host: str) -> str:
    """The deployment-specific part of the VCL for app servers on this machine."""
    backends = "".join(
        f'backend app{n} {{ .host = "127.0.0.1"; .port = "{port}"; '
        f'.host_header = "{host}"; .probe = portal_health; }}\n'
        for n, port in enumerate(app_ports)
    )
    adds = "".join(f"    app_servers.add_backend(app{n});\n" for n in range(len(app_ports)))
    return (
        f"{backends}\nsub vcl_init {{\n    new app_servers = directors.round_robin();\n{adds}}}\n"
        'acl purgers { "127.0.0.1"; "::1"; }\n'
    )


def start_varnish(app_ports: list[int], workdir: Path, host: str = "localhost", port=None):
    """varnishd with the repository's VCL in front of ``app_ports``; ready once it answers."""
    varnishd = require("varnishd")
    port = port or free_port()
    vcl_dir = workdir / f"varnish-{port}"
    vcl_dir.mkdir()
    (vcl_dir / "site.vcl").write_text(site_vcl(app_ports, host))
    args = [
        varnishd,
        "-F",
        "-n",
        str(vcl_dir / "work"),
        "-a",
        f"127.0.0.1:{port}",
        "-f",
        str(VCL_DIR / "portal.vcl"),
        "-p",
        f"vcl_path={vcl_dir}:{VCL_DIR}",
        "-T",
        "127.0.0.1:0",
        "-s",
        "malloc,256m",
    ]
    if os.geteuid() == 0:
        args += ["-j", "none"]  # as root, run as root rather than switch to the varnish user
    server = Server("varnishd", args, workdir / f"varnish-{port}.log")
    server.workdir = vcl_dir / "work"
    try:
        server.wait_until(lambda: accepts(port))
    except RuntimeError as error:
        if "VMOD xkey" in str(error) or "libvmod_xkey" in str(error):
            raise MissingTool(XKEY_VMOD) from error
        raise
    return server, port


def varnishadm(varnish: Server, *command: str) -> str:
    """A command to a running varnishd's management interface, e.g. "backend.list"."""
    result = subprocess.run(  # noqa: S603
        [shutil.which("varnishadm") or "/usr/bin/varnishadm", "-n", str(varnish.workdir), *command],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout
