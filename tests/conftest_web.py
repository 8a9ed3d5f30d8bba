"""Helpers shared by the web tests: a sample database built once, copied for each test module.

Ingesting the five sample documents takes about half a second; it is done once per test
session into a template database, and every module (or test that writes) gets its own copy of
that file, so a correction made by one test can never change what another one reads.

This is a plain module (pytest does not load it by itself); the web test modules import it.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DIR = REPO / "planwatch" / "sample"
ARTIFACTS = REPO / "artifacts"
TOKEN = "test-admin-token-6f1c2a"
PLAN_DOC = "004_9898a4a294c82fae.txt"  # the 锦州市 十四五 plan outline
SCRIPT_TEXT = (
    "凌河区2015年经济数据\n<script>alert('pwned')</script>\n全年，实现地区生产总值 120.5 亿元，同比增长 6.1%。\n"
)


@functools.lru_cache(maxsize=1)
def _template_db() -> Path:
    from planwatch.store import Store

    folder = Path(tempfile.mkdtemp(prefix="planwatch-web-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "template.db"
    with Store(path) as store:
        # the 锦州 documents, which the web tests are written about (not the 海拉尔区 reports under hailaer/)
        report = store.ingest(sorted(SAMPLE_DIR.glob("*.txt")), actor="test")
        assert report.ok, report.summary()
    return path


def sample_db(folder: Path, *, with_script_doc: bool = False) -> Path:
    """A fresh copy of the sample database in ``folder`` (optionally with a ``<script>`` document)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "planwatch.db"
    shutil.copyfile(_template_db(), path)
    if with_script_doc:
        from planwatch.store import Store

        doc = folder / "script_doc.txt"
        doc.write_text(SCRIPT_TEXT, encoding="utf-8")
        with Store(path) as store:
            assert store.ingest([doc], actor="test").ok
    return path


def free_socket() -> socket.socket:
    """A listening socket on 127.0.0.1 at a port the OS chose (no race for the port number)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@contextmanager
def running_server(app: object) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a background thread; yields its base URL."""
    import uvicorn

    sock = free_socket()
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")  # type: ignore[arg-type]
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
