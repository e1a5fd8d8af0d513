"""Opening the store: read-only for readers, refusing foreign or newer files, creating nothing."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from ssi_tui.errors import DatabaseError
from ssi_tui.model import board
from ssi_tui.store import database as store

HINT_WORDS = ("ssi-tui import", "ssi-tui demo")


def fingerprint(path: Path) -> tuple[bytes, int]:
    """Bytes and modification time: 'neither created nor modified' made checkable."""
    return path.read_bytes(), os.stat(path).st_mtime_ns


def foreign_duckdb(path: Path) -> Path:
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE customers (id INTEGER, name VARCHAR)")
    conn.execute("INSERT INTO customers VALUES (1, 'Acme')")
    conn.close()
    return path


def test_open_read_missing_file_is_refused_and_not_created(tmp_path: Path) -> None:
    db = tmp_path / "nope.duckdb"
    with pytest.raises(DatabaseError) as caught, store.open_read(db):
        pass
    message = str(caught.value)
    assert "\n" not in message
    assert str(db) in message
    assert any(word in message for word in HINT_WORDS)
    assert not db.exists()
    assert list(tmp_path.iterdir()) == []


def test_open_read_text_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "notes.duckdb"
    db.write_text("this is a shopping list, not a database\n", encoding="utf-8")
    before = fingerprint(db)
    with pytest.raises(DatabaseError) as caught, store.open_read(db):
        pass
    assert any(word in str(caught.value) for word in HINT_WORDS)
    assert fingerprint(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.duckdb"]


def test_open_read_foreign_duckdb_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db = foreign_duckdb(tmp_path / "crm.duckdb")
    before = fingerprint(db)
    with pytest.raises(DatabaseError) as caught, store.open_read(db):
        pass
    assert "not an ssi-tui database" in str(caught.value)
    assert any(word in str(caught.value) for word in HINT_WORDS)
    assert fingerprint(db) == before


def test_open_write_never_writes_into_a_foreign_duckdb(tmp_path: Path) -> None:
    db = foreign_duckdb(tmp_path / "crm.duckdb")
    with pytest.raises(DatabaseError, match="not an ssi-tui database"), store.open_write(db):
        pass
    conn = duckdb.connect(str(db), read_only=True)
    tables = conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall()
    conn.close()
    assert tables == [("customers",)]


def test_open_write_creates_and_marks_a_new_file(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "new.duckdb"
    with store.open_write(db) as conn:
        meta = dict(conn.execute("SELECT key, value FROM ssi_meta").fetchall())
    assert meta == {"app": "ssi-tui", "schema_version": str(store.SCHEMA_VERSION)}
    with store.open_read(db) as conn:
        assert store.schema_version(conn) == store.SCHEMA_VERSION


def test_newer_schema_version_is_refused_clearly(history_db: Path) -> None:
    conn = duckdb.connect(str(history_db))
    conn.execute("UPDATE ssi_meta SET value = '99' WHERE key = 'schema_version'")
    conn.close()
    before = fingerprint(history_db)
    with pytest.raises(DatabaseError) as caught, store.open_read(history_db):
        pass
    message = str(caught.value)
    assert "newer" in message and "99" in message
    with pytest.raises(DatabaseError, match="newer"):
        board.load_board(history_db)
    with pytest.raises(DatabaseError, match="newer"), store.open_write(history_db):
        pass
    assert fingerprint(history_db) == before


def test_readers_open_read_only(history_db: Path) -> None:
    with store.open_read(history_db) as conn, pytest.raises(duckdb.Error):
        conn.execute("DELETE FROM snapshots")
    with store.open_read(history_db) as conn:
        assert conn.execute("SELECT count(*) FROM snapshots").fetchone() == (12,)


def test_loading_the_board_leaves_the_file_untouched(history_db: Path) -> None:
    before = fingerprint(history_db)
    board.load_board(history_db)
    board.load_board(history_db, with_trends=True)
    assert fingerprint(history_db) == before
    assert not history_db.with_name(history_db.name + ".wal").exists()
