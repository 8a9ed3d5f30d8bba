"""A PostgreSQL server for the tests (a pytest plugin, loaded by ``conftest.py``).

The PostgreSQL tests run against a real server, never a mock:

* ``$PLANWATCH_TEST_PG`` (``postgresql://user:password@host:port/db``): that server.  The user
  needs the right to create schemas in that database.
* otherwise, when Debian's ``postgresql`` is installed (``initdb`` and ``pg_ctl`` under
  ``/usr/lib/postgresql/*/bin``): a throwaway cluster in a temporary folder for the session,
  on a free port, stopped and deleted at the end.  As root it runs as the ``postgres`` user
  (the server refuses to run as root).
* otherwise the tests are skipped with the reason — unless ``$PLANWATCH_TEST_REQUIRE_PG=1``
  (set by ``.ci/run``), which turns the skip into a failure, so CI cannot pass without them.

Each test gets its own schema (``pg_url``), dropped afterwards: tests never see each other's
rows, and creating a schema takes milliseconds where a database takes a checkpoint.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

ENV_URL = "PLANWATCH_TEST_PG"
ENV_REQUIRE = "PLANWATCH_TEST_REQUIRE_PG"


def _unavailable(reason: str) -> None:
    if os.environ.get(ENV_REQUIRE, "") not in ("", "0"):
        pytest.fail(f"PostgreSQL is required here (${ENV_REQUIRE}) but {reason}")
    pytest.skip(reason)


def find_pg_bin() -> Path | None:
    """The newest ``/usr/lib/postgresql/<version>/bin`` holding initdb and pg_ctl."""
    found = []
    for d in glob.glob("/usr/lib/postgresql/*/bin"):
        p = Path(d)
        if (p / "initdb").exists() and (p / "pg_ctl").exists():
            try:
                found.append((float(p.parent.name), p))
            except ValueError:
                continue
    return max(found)[1] if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """A throwaway PostgreSQL cluster: ``initdb`` into a temporary folder, ``pg_ctl start``."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.as_root = hasattr(os, "geteuid") and os.geteuid() == 0
        # As root the server runs as ``postgres``, which must reach its folder: /tmp, not a
        # $TMPDIR that may be under /root.  (A short path also keeps the socket name legal.)
        self.base = Path(tempfile.mkdtemp(prefix="pw-pg-", dir="/tmp" if self.as_root else None))
        self.data = self.base / "data"
        self.port = _free_port()
        self.user = "postgres" if self.as_root else None
        if self.as_root:
            shutil.chown(self.base, user="postgres", group=None)

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=self.base)

    def start(self, *, durable: bool = False) -> str:
        """Create and start the cluster; its URL (trust authentication on 127.0.0.1 only).

        ``durable``: the server's default settings (fsync, synchronous commit), for benchmarks.
        """
        # A UTF-8 LC_CTYPE, as production servers have: pg_trgm then finds trigrams in Chinese
        # (under C it finds none and search scans).  C.UTF-8 is built into glibc ≥ 2.35; where
        # it is missing the cluster falls back to C, and the search tests check the scan instead.
        init = None
        for ctype in ("C.UTF-8", "C"):
            shutil.rmtree(self.data, ignore_errors=True)
            init = self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                             "--locale=C", f"--lc-ctype={ctype}", "--no-sync")  # fmt: skip
            if init.returncode == 0:
                break
        assert init is not None
        if init.returncode != 0:
            raise RuntimeError(f"initdb failed: {init.stderr.strip() or init.stdout.strip()}")
        # Durability is not under test here (a killed *client* is; the server never crashes):
        # without fsync the suite's many small transactions do not wait for the disk.
        options = f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c max_connections=60"
        if not durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        start = self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.base / "server.log"),
                          "-w", "-t", "60", "start")  # fmt: skip
        if start.returncode != 0:
            log = (self.base / "server.log").read_text(errors="replace") if (self.base / "server.log").exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {start.stderr.strip()} {log[-2000:]}")
        atexit.register(self.stop)
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        if self.data.exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.base, ignore_errors=True)


def start_server() -> tuple[str, Cluster | None]:
    """A server URL: ``$PLANWATCH_TEST_PG``, or a throwaway cluster (raises if neither is possible)."""
    url = os.environ.get(ENV_URL)
    if url:
        return url, None
    bindir = find_pg_bin()
    if bindir is None:
        raise LookupError(
            f"no PostgreSQL server: set ${ENV_URL}=postgresql://… or install Debian's postgresql "
            "(initdb and pg_ctl in /usr/lib/postgresql/*/bin)"
        )
    cluster = Cluster(bindir)
    return cluster.start(), cluster


def with_schema(url: str, schema: str) -> str:
    """``url`` whose sessions use ``schema`` (libpq's ``options=-csearch_path=…``)."""
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a PostgreSQL server for the session (see the module docstring)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install -e '.[test]')")
    try:
        url, cluster = start_server()
    except (LookupError, RuntimeError, OSError, subprocess.SubprocessError) as e:
        _unavailable(str(e))
        raise  # unreachable: _unavailable skips or fails
    try:
        yield url
    finally:
        if cluster is not None:
            cluster.stop()


@contextlib.contextmanager
def fresh_schema(server: str) -> Iterator[str]:
    """A new, empty schema on ``server``; yields the URL that uses it, drops it afterwards."""
    import psycopg

    schema = "pw_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield with_schema(server, schema)
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A PostgreSQL database URL of the test's own (an empty schema)."""
    with fresh_schema(pg_server) as url:
        yield url
