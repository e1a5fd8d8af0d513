"""What every backend of the store interface must do, as the layers above rely on it.

Parametrised by the `store_factory` fixture (tests/store/conftest.py): a second backend passes
by adding itself there. Only the interface is used here, queries by their names in queries/.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from ssi_tui import store
from ssi_tui.errors import DatabaseError
from ssi_tui.ingest import canonical_csv
from ssi_tui.pillars import PILLAR_MAX, TOTAL_MAX, TOTAL_TOLERANCE
from ssi_tui.store import Capability, writer
from tests.store.conftest import StoreFactory

WEEK = dt.date(2026, 5, 18)


class _Batch:
    """A Polars frame as an Arrow stream, the way the importer hands batches over."""

    def __init__(self, frame: pl.DataFrame) -> None:
        self._frame = frame

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        return self._frame.__arrow_c_stream__(requested_schema)


def _batch(*reps: str) -> _Batch:
    rows = [
        {
            "rep_id": rep,
            "name": rep.title(),
            "team": "North",
            "snapshot_date": WEEK,
            "source": "official",
            "ssi": 50.0,
            "brand": 12.5,
            "people": 12.5,
            "insights": 12.5,
            "relationships": 12.5,
            "industry_rank": 10.0,
            "network_rank": 20.0,
            "industry_avg": 30.0,
            "network_avg": 40.0,
            "file_index": 0,
            "line": line,
        }
        for line, rep in enumerate(reps, start=2)
    ]
    schema = {"snapshot_date": pl.Date, "file_index": pl.Int32, "line": pl.Int64}
    return _Batch(pl.DataFrame(rows, schema_overrides=schema))


def _log(name: str) -> list[writer.FileToLog]:
    return [writer.FileToLog(0, name, f"hash of {name}", 0)]


def test_a_new_history_is_created_whole_at_the_current_schema(
    store_factory: StoreFactory,
) -> None:
    backend, location = store_factory.backend, store_factory.new_location()
    assert backend.change_stamp(location) is None
    with backend.open_write(location) as history:
        assert history.schema_version() == store.SCHEMA_VERSION
        assert history.rows("targets_all") == []
    assert backend.change_stamp(location) is not None


def test_a_missing_history_is_refused_for_reading_and_not_created(
    store_factory: StoreFactory,
) -> None:
    backend, location = store_factory.backend, store_factory.new_location()
    with pytest.raises(DatabaseError, match="no such database"), backend.open_read(location):
        pass
    refused = pytest.raises(DatabaseError, match="no such database")
    with refused, backend.open_write(location, create=False):
        pass
    assert backend.change_stamp(location) is None


def test_named_queries_take_positional_and_named_parameters(
    store_factory: StoreFactory,
) -> None:
    backend, location = store_factory.backend, store_factory.new_location()
    with backend.open_write(location) as history:
        history.run("target_set", ["team", "North", 70.0])
        history.run("target_set", ["rep", "ana", 80.5])
        assert history.rows("targets_all") == [("rep", "ana", 80.5), ("team", "North", 70.0)]
        assert history.first_row("targets_all") == ("rep", "ana", 80.5)
        assert history.first_row("teams") is None
        assert history.records("rep_info", {"rep_id": "ana"}) == []
    with backend.open_read(location) as history:
        assert history.records("targets_all") == [
            {"scope": "rep", "key": "ana", "target": 80.5},
            {"scope": "team", "key": "North", "target": 70.0},
        ]


def test_a_transaction_is_written_whole_or_not_at_all(store_factory: StoreFactory) -> None:
    backend, location = store_factory.backend, store_factory.new_location()
    with backend.open_write(location) as history:
        with pytest.raises(RuntimeError, match="interrupted"), history.transaction():
            history.run("target_set", ["team", "North", 70.0])
            history.run("target_set", ["team", "South", 60.0])
            raise RuntimeError("interrupted")
        assert history.rows("targets_all") == []
        with history.transaction():
            history.run("target_set", ["team", "North", 70.0])
            history.run("target_set", ["team", "South", 60.0])
    with backend.open_read(location) as history:
        assert history.rows("targets_all") == [("team", "North", 70.0), ("team", "South", 60.0)]


def test_a_loaded_frame_is_what_the_write_queries_read(store_factory: StoreFactory) -> None:
    backend, location = store_factory.backend, store_factory.new_location()
    with backend.open_write(location) as history:
        outcome = writer.write(history, _batch("ana", "bob"), _log("week.csv"))
        assert outcome.counts[0].added == 2
        assert sorted(history.rows("rep_names")) == [("ana", "Ana"), ("bob", "Bob")]
        assert writer.known_hashes(history) == {"hash of week.csv"}
        # Loaded again (the same rows): the second load reads as the first did.
        again = writer.classify(history, _batch("ana", "bob"))
        assert (again.counts[0].added, again.counts[0].unchanged) == (0, 2)


def test_the_change_stamp_moves_with_a_write_and_not_with_a_read(
    store_factory: StoreFactory,
) -> None:
    backend, location = store_factory.backend, store_factory.new_location()
    with backend.open_write(location):
        pass
    created = backend.change_stamp(location)
    with backend.open_read(location) as history:
        assert history.change_stamp() == created
        history.rows("targets_all")
    assert backend.change_stamp(location) == created
    with backend.open_write(location) as history:
        history.run("target_set", ["team", "North", 70.0])
    assert backend.change_stamp(location) != created


def test_a_read_only_store_refuses_to_write(store_factory: StoreFactory) -> None:
    backend, location = store_factory.backend, store_factory.new_location()
    with backend.open_write(location):
        pass
    stamp = backend.change_stamp(location)
    refused = pytest.raises(Exception)
    with backend.open_read(location) as history, refused:
        history.run("target_set", ["team", "North", 70.0])
    with backend.open_read(location) as history:
        assert history.rows("targets_all") == []
    assert backend.change_stamp(location) == stamp


def test_a_history_created_whole_appears_only_when_the_block_succeeds(
    store_factory: StoreFactory,
) -> None:
    backend, location = store_factory.backend, store_factory.new_location()
    with pytest.raises(RuntimeError, match="refused"), backend.create_whole(location) as history:
        writer.write(history, _batch("ana"), _log("week.csv"))
        raise RuntimeError("refused")
    assert backend.change_stamp(location) is None
    with backend.create_whole(location) as history:
        writer.write(history, _batch("ana"), _log("week.csv"))
    with backend.open_read(location) as history:
        assert history.rows("rep_names") == [("ana", "Ana")]


def test_a_scratch_store_classifies_without_creating_anything(
    store_factory: StoreFactory,
) -> None:
    backend, location = store_factory.backend, store_factory.new_location()
    with backend.open_scratch(location) as scratch:
        assert scratch.schema_version() == store.SCHEMA_VERSION
        assert writer.classify(scratch, _batch("ana", "bob")).counts[0].added == 2
    assert backend.change_stamp(location) is None


def test_the_csv_fast_path_works_where_it_is_supported(
    store_factory: StoreFactory, tmp_path: Path
) -> None:
    export = tmp_path / "team.csv"
    export.write_text(
        "date,rep_id,name,team,ssi,brand,people,insights,relationships\n"
        "2026-05-18,ana,Ana,North,50,12.5,12.5,12.5,12.5\n",
        encoding="utf-8",
    )
    columns = canonical_csv.header_columns(export)
    assert columns is not None
    backend, location = store_factory.backend, store_factory.new_location()
    with backend.open_write(location) as history:
        if not history.supports(Capability.CSV_FAST_PATH):
            assert canonical_csv.stage(history, [(0, export, columns)]) is False
            return
        checks = {"pillar_max": PILLAR_MAX, "total_max": TOTAL_MAX, "tolerance": TOTAL_TOLERANCE}
        assert history.stage_csv([(0, export, columns)], checks)
        outcome = writer.write(history, None, _log("team.csv"))
        assert outcome.counts[0].added == 1
