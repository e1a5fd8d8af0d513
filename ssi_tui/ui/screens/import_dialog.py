"""The `i` dialog: pick exports, see a dry-run preview, then import them into the open database.

Both the preview and the import run in a thread worker through the same use case as
`ssi-tui import`; the database is opened for writing only for the length of the import. The
column mapping, date format and skip-invalid are the CLI's --map, --date-format and
--skip-invalid, filled in from the settings the database remembers (`--remember`, or the
dialog's own "Remember these settings").
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Checkbox, Input, Label, ProgressBar, Static

from ssi_tui.boards.kept_boards import keep_boards_fresh
from ssi_tui.boards.watch import history_name
from ssi_tui.errors import InvalidExportError, SsiError
from ssi_tui.importing.import_report import ImportReport, file_summary, findings_lines, plural
from ssi_tui.importing.import_settings import stored_settings
from ssi_tui.importing.importer import run_import
from ssi_tui.importing.options import COMMON_DATE_FORMATS, ImportOptions, date_format_problem
from ssi_tui.ingest.header_map import HeaderMapError, parse_header_map
from ssi_tui.text import printable
from ssi_tui.ui.widgets.path_input import PathInput, PathSuggester


@dataclass(frozen=True)
class ImportDone:
    """What the dialog returns when it wrote something."""

    report: ImportReport


class _Previewed(Message):
    def __init__(self, report: ImportReport | None, problems: list[str]) -> None:
        self.report = report
        self.problems = problems
        super().__init__()


class _Remembered(Message):
    def __init__(self, header_map: str, date_format: str) -> None:
        self.header_map, self.date_format = header_map, date_format
        super().__init__()


class _Progress(Message):
    def __init__(self, done: int, total: int, what: str) -> None:
        self.done, self.total, self.what = done, total, what
        super().__init__()


class _Imported(Message):
    def __init__(self, report: ImportReport | None, error: str | None) -> None:
        self.report, self.error = report, error
        super().__init__()


def describe_preview(report: ImportReport) -> str:
    """Files, rows, reps and date range that an import would bring in, then what else it would
    do: rows matched by name, teams, corrections (old → new) and warnings."""
    lines = []
    for f in report.files:
        name = printable(Path(f.path).name)
        if f.status == "already imported":
            lines.append(f"{name}: already imported, will be skipped")
            continue
        lines.append(f"{name}: {plural(f.rows_read, 'row')} — {printable(file_summary(f))}")
    lines += [printable(line) for line in findings_lines(report)]
    lines += [f"note: {printable(n)}" for n in report.notices]
    return "\n".join(lines) or "Nothing to import."


def one_per_line(messages: list[str]) -> Text:
    """MESSAGES shown literally, each on its own line (a message's own line breaks kept too,
    never drawn as ␊)."""
    return Text("\n".join(printable(line) for m in messages for line in m.split("\n")))


class ImportScreen(ModalScreen[ImportDone | None]):
    """Path → preview → Import / Cancel."""

    DEFAULT_CSS = """
    ImportScreen { align: center middle; }
    ImportScreen > Vertical {
        width: 90; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ImportScreen #preview-box { height: auto; max-height: 14; }
    ImportScreen #problems { color: $error; }
    ImportScreen #buttons { height: auto; align-horizontal: right; dock: bottom; }
    ImportScreen #choices { height: auto; }
    ImportScreen #choices Checkbox { width: auto; border: none; padding: 0 1 0 0; }
    ImportScreen ProgressBar { display: none; }
    ImportScreen.importing ProgressBar { display: block; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Close without importing")]

    MAP_HINT = "Headers to map: {pair}"
    """How the import's messages name a mapping pair here: this dialog's box, not `--map`."""

    def __init__(self, database: str | Path, start_path: str = "") -> None:
        super().__init__()
        self.database = database
        self.start_path = start_path
        self._preview: ImportReport | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(f"Import into {printable(history_name(self.database))}"), id="title")
            yield PathInput(
                value=self.start_path,
                placeholder="File, folder or glob (e.g. exports/*.csv) — enter previews",
                suggester=PathSuggester(),
                id="path",
            )
            yield Input(
                placeholder="Headers to map, if any (e.g. Find People=people; Week of=date)",
                id="map",
            )
            yield Input(
                placeholder="Date format, if not ISO (e.g. %d/%m/%Y or %m/%d/%Y)",
                suggester=SuggestFromList(COMMON_DATE_FORMATS),
                id="date-format",
            )
            with Horizontal(id="choices"):
                yield Checkbox("Skip invalid rows", id="skip-invalid")
                yield Checkbox("Remember these settings", id="remember")
            with VerticalScroll(id="preview-box"):
                yield Static(Text("Type a path and press enter for a preview."), id="preview")
                yield Static("", id="problems")
            yield ProgressBar(total=1, show_eta=False, id="progress")
            with Horizontal(id="buttons"):
                yield Button("Import", variant="primary", id="import", disabled=True)
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.read_remembered()

    @work(thread=True, exclusive=True, group="import-settings")
    def read_remembered(self) -> None:
        """The database's remembered mapping and date format, to fill the boxes with."""
        try:
            kept = stored_settings(self.database)
        except SsiError:
            return  # the preview says what is wrong with the database
        pairs = "; ".join(f"{h}={c}" for h, c in kept.header_map)
        self.post_message(_Remembered(pairs, kept.date_format or ""))

    def on__remembered(self, message: _Remembered) -> None:
        """Filled in only where nothing was typed yet: the manager's own typing wins."""
        for box, value in (("#map", message.header_map), ("#date-format", message.date_format)):
            field = self.query_one(box, Input)
            if value and not field.value:
                field.value = value

    @on(Input.Submitted, "#path")
    @on(Input.Submitted, "#map")
    @on(Input.Submitted, "#date-format")
    def _preview_requested(self) -> None:
        self.query_one("#import", Button).disabled = True
        self.query_one("#problems", Static).update("")
        try:
            options = self._options()
        except ValueError as error:
            self.post_message(_Previewed(None, [str(error)]))
            return
        self.query_one("#preview", Static).update(Text("Checking…"))
        self.preview(self.query_one("#path", Input).value.strip(), options)

    def _options(self) -> ImportOptions:
        """The boxes as the CLI's options (ValueError: which box is wrong, and how). The
        database's remembered settings are in the boxes already, so only the boxes count."""
        try:
            header_map = parse_header_map([self.query_one("#map", Input).value])
        except HeaderMapError as error:
            raise ValueError(f"Headers to map: {error}") from None
        date_format = self.query_one("#date-format", Input).value.strip() or None
        problem = date_format and date_format_problem(date_format)
        if problem:
            raise ValueError(f"Date format: {problem}")
        return ImportOptions(
            header_map=header_map,
            date_format=date_format,
            skip_invalid=self.query_one("#skip-invalid", Checkbox).value,
            remember=self.query_one("#remember", Checkbox).value,
            use_remembered=False,
            map_hint=self.MAP_HINT,
        )

    @on(Input.Changed, "#path")
    @on(Input.Changed, "#map")
    @on(Input.Changed, "#date-format")
    @on(Checkbox.Changed, "#skip-invalid")
    def _path_changed(self) -> None:
        self._preview = None
        self.query_one("#import", Button).disabled = True

    @work(thread=True, exclusive=True, group="import-preview")
    def preview(self, path: str, options: ImportOptions) -> None:
        """Dry run: validate and count against the database, writing nothing."""
        try:
            options = replace(options, dry_run=True, remember=False)
            report = run_import(self.database, [os.path.expanduser(path)], options)
        except InvalidExportError as error:
            self.post_message(_Previewed(None, [str(p) for p in error.problems]))
        except SsiError as error:
            self.post_message(_Previewed(None, [str(error)]))
        except Exception as error:  # a safety net: the dialog reports, never crashes the app
            self.post_message(_Previewed(None, [f"unexpected error: {error!r}"]))
        else:
            self.post_message(_Previewed(report, []))

    def on__previewed(self, message: _Previewed) -> None:
        problems = self.query_one("#problems", Static)
        if message.report is None:
            count = len(message.problems)
            self.query_one("#preview", Static).update(
                Text(
                    f"Cannot import: {count} problem{'s' if count != 1 else ''}."
                    " Nothing will be written."
                )
            )
            shown = message.problems[: InvalidExportError.MAX_SHOWN]
            if count > len(shown):
                shown.append(f"... and {count - len(shown)} more")
            problems.update(one_per_line(shown))
            return
        self._preview = message.report
        self.query_one("#preview", Static).update(Text(describe_preview(message.report)))
        report = message.report
        skipped = [str(p) for p in report.problems[: InvalidExportError.MAX_SHOWN]]
        if skipped:
            skipped.insert(0, f"Will skip {plural(len(report.problems), 'problem')}:")
        problems.update(one_per_line(skipped))
        wanted = report.total("added") + report.total("updated") + report.teams_set
        button = self.query_one("#import", Button)
        button.disabled = wanted == 0
        if not button.disabled:
            button.focus()

    @on(Button.Pressed, "#import")
    def _import_pressed(self) -> None:
        if self._preview is None:
            return
        self.add_class("importing")
        for widget in self.query("Button, Input, Checkbox"):
            widget.disabled = True
        self.run_the_import(self.query_one("#path", Input).value.strip(), self._options())

    @work(thread=True, exclusive=True, group="import-write")
    def run_the_import(self, path: str, options: ImportOptions) -> None:
        """The real import: one transaction, a write connection only for its length."""

        def progress(what: str, done: int, total: int) -> None:
            self.post_message(_Progress(done, total, what))

        try:
            report = run_import(
                self.database, [os.path.expanduser(path)], options, progress=progress
            )
        except SsiError as error:
            self.post_message(_Imported(None, str(error)))
        except Exception as error:  # a safety net: the dialog reports, never crashes the app
            self.post_message(_Imported(None, f"unexpected error: {error!r}"))
        else:
            self.post_message(_Imported(report, None))
            # The boards `ssi-tui DB` keeps for its next start (board_cache.py) are stale now:
            # read them again, as `ssi-tui import` does.
            keep_boards_fresh(self.database)

    def on__progress(self, message: _Progress) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=max(1, message.total), progress=message.done)

    def on__imported(self, message: _Imported) -> None:
        if message.report is None:
            self.remove_class("importing")
            for widget in self.query("Button, Input, Checkbox"):
                widget.disabled = False
            self.query_one("#preview", Static).update(
                Text("The import failed; nothing was written.")
            )
            self.query_one("#problems", Static).update(one_per_line([message.error or ""]))
            return
        self.dismiss(ImportDone(message.report))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close, saying so: a manager who pressed tab past Import must not think it imported.
        Not while an import is writing (it finishes, and the board says what it did)."""
        if self.has_class("importing"):
            return
        self.app.notify("Nothing imported.", title="Import cancelled", markup=False)
        self.dismiss(None)
