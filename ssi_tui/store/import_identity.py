"""Who each row of an import is: one rep per person across imports (README "Importing").

A row without a rep_id (its id made from the name) is an existing rep's when exactly one has
that name, case, accents, spacing and punctuation ignored; an e-mail or profile new to the
store is adopted by the one rep of that name known only by name. Done in SQL on the write
connection (import_rep_map.sql), so both import paths share it; the writer reads the batch
through the view `resolved` that this leaves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ssi_tui.store.interface import Store


class Refused(Exception):
    """The batch cannot be written as it is; nothing was. Each problem is (file index, line or
    None, message); the importer names the file."""

    def __init__(self, problems: list[tuple[int, int | None, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(message for _, _, message in problems))


def resolve(conn: Store) -> dict[int, int]:
    """Make `resolved` (the batch under its reps' ids); per file index, rows matched by name.

    Raises Refused when a row could be several reps, or when two rows that became one rep's on
    one date disagree.
    """
    conn.run("import_rep_map")
    if not conn.first_row("import_rep_map_size")[0]:  # type: ignore[index]
        conn.run("import_resolved_plain")
        return {}
    ambiguous = conn.rows("import_rep_ambiguous")
    if ambiguous:
        raise Refused([_ambiguity(*row) for row in ambiguous])
    conn.run("import_resolved_mapped")
    conflicts = conn.rows("import_resolved_conflicts")
    if conflicts:
        raise Refused(
            [
                (
                    file_index,
                    None,
                    f"{name} on {date}: this row and another of the import for the same rep"
                    " and date differ (one by name, one by id); correct or remove one",
                )
                for file_index, name, date, _ in conflicts
            ]
        )
    return dict(conn.rows("import_matched_by_name"))


def _ambiguity(
    given: str, name: str, file_index: int, how: str, candidates: list[str]
) -> tuple[int, int | None, str]:
    """The problem of an id that several reps could be."""
    listed = ", ".join(candidates)
    if how == "adopt":
        return (
            file_index,
            None,
            f"rep_id '{given}' ({name}) could be any of several reps known only by name:"
            f" {listed}; rename one of them, or import with their rep_id",
        )
    return (
        file_index,
        None,
        f"'{name}' has no rep_id and matches several reps by name: {listed};"
        " add a rep_id column (e-mail or LinkedIn profile) to say which",
    )
