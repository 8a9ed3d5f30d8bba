"""``planwatch ingest --shard K/N``: N disjoint parts of a corpus, ingested at once into one database."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, PROVINCES
from store_checks import canonical, clean_env, consistent, ingest_command, start

from planwatch.store.core import in_shard, iter_files, parse_shard, shard_of


def _corpus(tmp_path: Path) -> Path:
    """19 corpus documents in a folder of the test's own (a city's, a district's, six provinces')."""
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS / "jinzhou", folder / "jinzhou")
    shutil.copytree(CORPUS / "hailaer", folder / "hailaer")
    (folder / "provinces").mkdir()
    for f in sorted(PROVINCES.glob("*.txt"))[:6]:
        shutil.copy(f, folder / "provinces" / f.name)
    return folder


def test_shard_syntax() -> None:
    assert parse_shard("1/2") == (1, 2) and parse_shard(" 3/3 ") == (3, 3)
    for bad in ("0/2", "3/2", "1", "a/b", "1/0", "-1/2", ""):
        with pytest.raises(ValueError):
            parse_shard(bad)


def test_shards_are_disjoint_cover_every_file_and_do_not_depend_on_the_process() -> None:
    files = list(iter_files([CORPUS]))
    for n in (2, 3, 5):
        parts = [list(in_shard(iter_files([CORPUS]), (k, n))) for k in range(1, n + 1)]
        assert sorted(p for part in parts for p in part) == sorted(files)  # each file in exactly one
        assert all(parts), "no part is empty on a 44-file corpus"
    # BLAKE2 of the path, not Python's per-process hash(): the same split on every machine
    assert [shard_of(Path(p), 4) for p in ("corpus/jinzhou/000_6cc6ed5f7fc9b850.txt",
                                           "corpus/hailaer/hailaer_2012.txt", "a.txt", "b.txt")] == [3, 1, 2, 3]


def _two_shards_equal_one_run(folder: Path, one: str, shared: str, *extra: str) -> None:
    env = clean_env()
    single = start(ingest_command(folder, one), env)
    assert single.wait(timeout=300) == 0, single.stderr.read() if single.stderr else ""
    shards = [start(ingest_command(folder, shared, "--shard", f"{k}/2", *extra), env) for k in (1, 2)]
    for p in shards:
        assert p.wait(timeout=300) == 0, p.stderr.read() if p.stderr else ""
    counts = consistent(shared)
    assert counts["documents"] == 19
    assert canonical(shared) == canonical(one)


def test_two_shards_at_once_equal_one_run_on_sqlite(tmp_path: Path) -> None:
    _two_shards_equal_one_run(_corpus(tmp_path), str(tmp_path / "one.db"), str(tmp_path / "shared.db"))


def test_two_shards_at_once_equal_one_run_on_postgresql(tmp_path: Path, pg_server: str) -> None:
    from pg_server import fresh_schema

    with fresh_schema(pg_server) as one, fresh_schema(pg_server) as shared:
        _two_shards_equal_one_run(_corpus(tmp_path), one, shared)


def test_two_bulk_shards_at_once_equal_one_run_and_leave_the_search_index_built(tmp_path: Path,
                                                                              pg_server: str) -> None:
    """``--bulk``: both shards load without the trigram index; the last to finish builds it."""
    from pg_server import fresh_schema

    from planwatch.store.core import Store
    from planwatch.store.search import index_kind

    with fresh_schema(pg_server) as one, fresh_schema(pg_server) as shared:
        _two_shards_equal_one_run(_corpus(tmp_path), one, shared, "--bulk")
        with Store(one) as a, Store(shared) as b:
            assert index_kind(b.db) == index_kind(a.db)
            names = [{d["id"]: d["doc_key"] for d in s.documents()} for s in (a, b)]
            for terms in (["地区生产总值"], ["锦州", "发展"], ["呼伦贝尔市海拉尔区"]):
                found = [s.find_documents(terms, limit=100) for s in (a, b)]
                assert found[0].total == found[1].total > 0, terms
                assert {names[0][i] for i in found[0].ids} == {names[1][i] for i in found[1].ids}, terms
