"""Remembered import settings and the learned day order, around one import (issue #23).

`--remember` keeps an import's --map and --date-format in the database, so the weekly sheet
imports with no options next time; a file whose dates all could be day or month first reads
by the day order the database learned from the last file whose dates told (ingest/dates.py).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ssi_tui import store
from ssi_tui.importing.import_report import ImportReport
from ssi_tui.importing.options import ImportOptions
from ssi_tui.ingest.day_order import ORDER_NAMES, DayOrder
from ssi_tui.store import settings
from ssi_tui.store.settings import ImportSettings


def stored_settings(db_path: str | Path) -> ImportSettings:
    """What DB_PATH remembers (nothing when there is no file yet)."""
    if not store.exists(db_path):
        return ImportSettings()
    with store.open_read(db_path, allow_older=True) as conn:
        return settings.import_settings(conn)


def note_day_order(file: str, order: DayOrder, report: ImportReport) -> None:
    """Say in REPORT when FILE's dates were read by the learned order, and why."""
    if order.ambiguous_example and order.learned:
        report.notices.append(
            f"{file}: dates such as '{order.ambiguous_example}' could be day or month first;"
            f" read {ORDER_NAMES[order.learned]} ({order.learned}), the order this database"
            " learned from an earlier import whose dates told"
        )


def learn(settled: dict[str, str], options: ImportOptions, report: ImportReport) -> None:
    """The day order SETTLED by this import's files (order -> a date that showed it), when
    they agree and it is new to the database: kept by keep() and said in REPORT."""
    if len(settled) != 1 or options.dry_run:
        return
    [(order, shown_by)] = settled.items()
    if order != options.day_order:
        report.day_order_learned = order
        report.notices.append(
            f"learned that dates here are {ORDER_NAMES[order]} ({order}: '{shown_by}'); files"
            " whose dates could be either are read so from now on"
        )


def keep(
    db_path: str | Path, options: ImportOptions, report: ImportReport, before: ImportSettings
) -> ImportSettings:
    """Write what this import remembers (--remember) or learned, after it; what DB_PATH
    remembers now."""
    after = before
    if options.remember:
        pairs = options.header_map.pairs if options.header_map else ()
        after = replace(after, header_map=pairs, date_format=options.date_format)
    if report.day_order_learned:
        after = replace(after, day_order=report.day_order_learned)
    if options.dry_run or not store.exists(db_path):
        return before
    report.settings_remembered = options.remember
    if after == before:
        return before
    with store.open_write(db_path, create=False) as conn, conn.transaction():
        settings.remember_import_options(conn, after.header_map, after.date_format)
        if after.day_order:
            settings.learn_day_order(conn, after.day_order)
    return after


def forget(db_path: str | Path) -> ImportSettings:
    """Forget DB_PATH's remembered options and learned day order; what it remembered."""
    with store.open_write(db_path, create=False) as conn, conn.transaction():
        return settings.forget_import_settings(conn)
