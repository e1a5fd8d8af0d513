"""The columns of the frames an export becomes: where each row came from, and the typed values.

Shared by the readers, both validators, the duplicate check and the importer, which is why
they live apart from any of them.
"""

from __future__ import annotations

from ssi_tui.pillars import PILLAR_KEYS

LINE = "__line__"
"""Each row's line in its file (the header is line 1), for every problem reported."""
FILE = "__file__"
"""Each row's file, once rows of several files are combined."""

SNAPSHOT_COLUMNS: tuple[str, ...] = (
    "rep_id",
    "name",
    "team",
    "snapshot_date",
    "source",
    "ssi",
    *PILLAR_KEYS,
    "industry_rank",
    "network_rank",
    "industry_avg",
    "network_avg",
)
"""The typed columns of a validated batch, in the order the writer expects."""

VALUE_COLUMNS: tuple[str, ...] = (
    "ssi",
    *PILLAR_KEYS,
    "industry_rank",
    "network_rank",
    "industry_avg",
    "network_avg",
)
"""The values of a snapshot: two rows of one rep, date and source must agree on all of them."""
