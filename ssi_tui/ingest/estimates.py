"""Validated activity rows -> estimated snapshots (source 'estimated') for the same batch.

The scoring itself is estimate/scoring.py (pure Python, shared with `model explain`); this is
the Polars glue the importer needs: the snapshot rows it writes next to the official ones,
the activity rows for the activities table, and notices about pillars nothing measured.
"""

from __future__ import annotations

import polars as pl

from ssi_tui.estimate.measures import MEASURE_KEYS
from ssi_tui.estimate.model import Model
from ssi_tui.estimate.scoring import score
from ssi_tui.ingest.columns import FILE, LINE, SNAPSHOT_COLUMNS
from ssi_tui.pillars import PILLAR_KEYS, PILLARS_BY_KEY

FILE_INDEX = "file_index"
ESTIMATED = "estimated"


def estimated_snapshots(activities: pl.DataFrame, model: Model) -> tuple[pl.DataFrame, list[str]]:
    """One estimated snapshot per activity row, and a notice per file and unmeasured pillar.

    ACTIVITIES has FILE, LINE, the activity columns and file_index; the result has FILE,
    LINE, SNAPSHOT_COLUMNS and file_index, ready to join the official batch.
    """
    scores: dict[str, list[float]] = {key: [] for key in (*PILLAR_KEYS, "ssi")}
    unmeasured: dict[str, dict[str, int]] = {}
    files = activities.get_column(FILE).to_list()
    for file, row in zip(files, activities.select(MEASURE_KEYS).iter_rows(), strict=True):
        estimate = score(model, dict(zip(MEASURE_KEYS, row, strict=True)))
        for key, value in estimate.rounded().items():
            scores[key].append(value)
        for pillar in estimate.pillars:
            if not pillar.has_evidence:
                per_file = unmeasured.setdefault(file, {})
                per_file[pillar.key] = per_file.get(pillar.key, 0) + 1
    snapshots = activities.select(
        pl.col(FILE),
        pl.col(LINE),
        pl.col("rep_id"),
        pl.col("name"),
        pl.col("team"),
        pl.col("snapshot_date"),
        pl.lit(ESTIMATED).alias("source"),
        pl.Series("ssi", scores["ssi"], pl.Float64),
        *(pl.Series(key, scores[key], pl.Float64) for key in PILLAR_KEYS),
        *(
            pl.lit(None, pl.Float64).alias(c)
            for c in ("industry_rank", "network_rank", "industry_avg", "network_avg")
        ),
        pl.col(FILE_INDEX),
    )
    assert tuple(snapshots.columns[2:-1]) == SNAPSHOT_COLUMNS
    notices = [
        f"{file}: {count} row{'s' if count != 1 else ''} with no measure of"
        f" '{PILLARS_BY_KEY[key].label}': estimated at the model's base"
        f" ({model.pillar(key).base:g}) for that pillar"
        for file, pillars in unmeasured.items()
        for key, count in pillars.items()
    ]
    return snapshots, notices


def activity_rows(activities: pl.DataFrame, model: Model) -> pl.DataFrame:
    """The rows for the activities table: key, measures, the scoring model, file_index."""
    return activities.select(
        "rep_id",
        "snapshot_date",
        *MEASURE_KEYS,
        pl.lit(model.digest).alias("model_hash"),
        pl.col(FILE_INDEX),
    )
