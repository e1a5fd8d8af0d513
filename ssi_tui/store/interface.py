"""What every layer above `store/` may ask of a history, whatever holds it.

A backend (a DuckDB file, `duckdb_store.py`; a PostgreSQL server, `postgres_store.py`) gives a
`Backend` that opens a `Store`: one connection that runs queries BY NAME (queries/NAME.sql, or
queries/<dialect>/NAME.sql where the backend spells one its own way), in transactions, with bulk
loads and a change stamp. Nothing here names a DuckDB or psycopg type.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from contextlib import AbstractContextManager
from enum import Enum
from pathlib import Path
from typing import Any

Params = Sequence[object] | dict[str, object] | None
"""A query's bound parameters: positional (`?`) or named (`$name`)."""

ChangeStamp = tuple[int, ...]
"""Changes whenever anyone writes the history; compared and kept (as JSON), never read: a
file's sizes and times, a server's change counter."""

StagedCsv = list[tuple[int, Path, dict[str, str]]]
"""CSV files for the fast path: (file index, path, {column: type}) of each."""


class Capability(Enum):
    """What only some backends can do; ask `Store.supports` before using it."""

    CSV_FAST_PATH = "csv_fast_path"
    """The store reads CSV files itself (`stage_csv`): a local DuckDB file only (issue #24)."""


class Store(ABC):
    """One open connection to a history, closed by the backend's context manager."""

    dialect: str
    """The folder under queries/ holding this backend's own spellings of shared queries."""

    @abstractmethod
    def run(self, name: str, params: Params = None) -> None:
        """Run the named query for its effect."""

    @abstractmethod
    def rows(self, name: str, params: Params = None) -> list[tuple[Any, ...]]:
        """Every row of the named query, as tuples."""

    @abstractmethod
    def records(self, name: str, params: Params = None) -> list[dict[str, Any]]:
        """Every row of the named query, as {column: value}."""

    def first_row(self, name: str, params: Params = None) -> tuple[Any, ...] | None:
        """The first row of the named query (the result consumed whole), or None."""
        found = self.rows(name, params)
        return found[0] if found else None

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """Everything in the block is written together, or (on any exception) not at all."""

    @abstractmethod
    def load(self, table: str, frame: object) -> AbstractContextManager[None]:
        """FRAME (any Arrow stream: a Polars frame, an Arrow table) readable as TABLE by the
        queries run in the block, and gone after it."""

    @abstractmethod
    def schema_version(self) -> int | None:
        """The history's schema version, or None when it is not an ssi-tui history."""

    @abstractmethod
    def change_stamp(self) -> ChangeStamp | None:
        """Changes when anyone writes the history (see Backend.change_stamp)."""

    def supports(self, capability: Capability) -> bool:
        """Whether this store can do CAPABILITY (none by default)."""
        return False

    def bound_memory(self, input_bytes: int) -> None:  # noqa: B027 (optional, no-op by default)
        """Keep an import of INPUT_BYTES within a flat memory bound (a server needs nothing)."""

    def stage_csv(self, files: StagedCsv, checks: dict[str, float]) -> bool:
        """Capability.CSV_FAST_PATH: read FILES into the temp table `incoming`; True when every
        row passes the checks (CHECKS: their bounds), False to take the Polars path."""
        raise NotImplementedError(f"{type(self).__name__} cannot read CSV files itself")


class Backend(ABC):
    """How to open one kind of history (a file, a server) and notice that it changed."""

    @abstractmethod
    def open_read(
        self, location: str | Path, *, wait: float, allow_older: bool = False
    ) -> AbstractContextManager[Store]:
        """Read-only, never creating or changing anything; an older schema refused unless
        ALLOW_OLDER. WAIT: seconds to wait for a writer to finish."""

    @abstractmethod
    def open_write(
        self, location: str | Path, *, create: bool = True, wait: float
    ) -> AbstractContextManager[Store]:
        """Read-write, creating (when CREATE) and migrating the history as needed."""

    @abstractmethod
    def create_whole(self, location: str | Path) -> AbstractContextManager[Store]:
        """A NEW history that appears whole when the block succeeds, or not at all."""

    @abstractmethod
    def open_scratch(
        self, location: str | Path, *, allow_older: bool = True
    ) -> AbstractContextManager[Store]:
        """For a dry run: temp tables work, nothing is ever written (an empty history with the
        current schema when there is none yet)."""

    @abstractmethod
    def change_stamp(self, location: str | Path) -> ChangeStamp | None:
        """Cheap enough to poll every second without opening the history; None when it is
        gone."""
