"""`recordkeeper check`: the process check of project folders (no database, no daemon).

`check --json PROJECT_DIR` prints one JSON object (contract in README and
docs/rules.md); without `--json` a board for the terminal. `check --all`
checks every project folder under the configured roots (JSON: one object per
line). Exit 0 when the check ran, whatever it found; 2 for a folder that does
not exist, invalid rule files or an invalid project file.

A folder under a configured root is checked from the daemon's store where the
store is current (services/check_known.py): unchanged files are not read again
and keep the daemon's classification; `--fresh` reads and classifies every file.
Extraction workers start only when some file has to be read. Heavy modules
(the store, the extraction pool) are imported when they are needed: a command's
start-up time is part of its speed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from recordkeeper import i18n
from recordkeeper.classify import classify_document, compiled
from recordkeeper.cli.common import print_json, print_json_line, state
from recordkeeper.config import Settings
from recordkeeper.errors import UsageError
from recordkeeper.model import Classification, DocumentFacts, ExtractionResult
from recordkeeper.process.report import AGREEMENT_CLASS, COI_CLASS, Renderer, to_json
from recordkeeper.ruleset.load import LoadedRules, load_ruleset
from recordkeeper.services.check import (
    Classifier,
    Job,
    KnownDocuments,
    ProjectCheck,
    check_project,
    project_dirs,
)

if TYPE_CHECKING:
    from recordkeeper.ingest.pool import ExtractionPool

_STATUS_STYLE = {
    "complete": "green",
    "partial": "yellow",
    "missing": "red",
    "not_applicable": "dim",
    "needs_confirmation": "cyan",
}
_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "dim"}


class _LazyPool:
    """Worker processes with a timeout and a memory cap per file (a hostile file cannot
    hang or kill the check), started on the first file that has to be read."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.pool: ExtractionPool | None = None

    def map(self, items: Iterable[Job]) -> Iterator[ExtractionResult]:
        if self.pool is None:
            from recordkeeper.ingest.pool import ExtractionPool
            from recordkeeper.services.ingest import limits_from

            workers = max(1, min(self.settings.ingest.workers, 2))
            self.pool = ExtractionPool(limits_from(self.settings), workers=workers)
        return self.pool.map(items)


@contextmanager
def _extractor(settings: Settings) -> Iterator[_LazyPool]:
    lazy = _LazyPool(settings)
    try:
        yield lazy
    finally:
        if lazy.pool is not None:
            lazy.pool.close()


@contextmanager
def _known(settings: Settings, rules: LoadedRules) -> Iterator[KnownDocuments | None]:
    """The daemon's store as a cache, when there is one (a SQLite file that exists, or a
    server); never created or migrated here."""
    from sqlalchemy.engine import make_url

    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database in ("", ":memory:") or not Path(database).is_file():
            yield None
            return
    from recordkeeper.errors import StoreError
    from recordkeeper.services.check_known import StoreDocuments
    from recordkeeper.services.roots import configured_roots
    from recordkeeper.store.unit import Store

    try:
        store = Store(settings.database_url)
    except StoreError:
        yield None
        return
    try:
        yield StoreDocuments(store, configured_roots(settings), rules.one("classes"))
    finally:
        store.close()


def _classifier(rules: LoadedRules) -> Classifier:
    """The rule-based classifier over the classes rule file, compiled on first use (not at
    all when the store knows every document)."""
    class_rules = rules.one("classes")

    def classify(facts: DocumentFacts) -> Classification:
        return classify_document(facts, compiled(class_rules))

    return classify


def _class_names(rules: LoadedRules) -> dict[str, tuple[str, str]]:
    try:
        classes = rules.one("classes").classes
    except KeyError:
        return {}
    return {str(c.id): (str(c.name_sv), str(c.name_en)) for c in classes}


def _render(check: ProjectCheck, rules: LoadedRules, lang: str) -> dict[str, Any]:
    renderer = Renderer(check.rules, _class_names(rules), lang)
    return to_json(check.evaluation, check.rules, check.project, renderer, check.extra)


def check(
    ctx: typer.Context,
    project_dir: Path | None = typer.Argument(None, help="Project folder to check."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object (per project with --all)."),
    all_projects: bool = typer.Option(
        False, "--all", help="Check every project folder under the configured roots."
    ),
    today: str | None = typer.Option(
        None, "--today", help="Evaluate time rules as of this date (YYYY-MM-DD)."
    ),
    rules_dir: Path | None = typer.Option(None, "--rules", help="Rules directory."),
    fresh: bool = typer.Option(
        False, "--fresh", help="Read and classify every file; do not reuse the daemon's store."
    ),
) -> None:
    """Processkontroll av en projektmapp / check a project folder against the work
    instruction's steps. Exit 0 when the check ran (findings are output), 2 when the
    folder does not exist or a rule or project file is invalid."""
    cli = state(ctx)
    lang = cli.lang
    if project_dir is None and not all_projects:
        raise UsageError(i18n.t("process.check.not_a_project", lang, path="-"))
    if project_dir is not None and not project_dir.is_dir():
        raise UsageError(i18n.t("process.check.not_a_project", lang, path=project_dir))
    settings = cli.settings()
    rules = load_ruleset(rules_dir or settings.rules_dir)
    as_of = _parse_day(today, lang)
    folders = [project_dir] if project_dir is not None else _roots(settings)
    if not folders:
        raise UsageError(i18n.t("process.check.no_projects", lang))
    classify = _classifier(rules)
    known: AbstractContextManager[KnownDocuments | None] = (
        nullcontext(None) if fresh else _known(settings, rules)
    )
    with _extractor(settings) as extractor, known as cache:
        for folder in folders:
            result = check_project(
                folder,
                rules=rules,
                extractor=extractor,
                classify=classify,
                today=as_of,
                ignore_patterns=settings.ingest.ignore_patterns,
                tolerate_bad_project_file=all_projects,
                known=cache,
            )
            _output(result, rules, lang, as_json=as_json, many=all_projects)


def _roots(settings: Settings) -> list[Path]:
    return project_dirs(root.path for root in settings.roots)


def _parse_day(value: str | None, lang: str) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"--today: {value!r} is not YYYY-MM-DD") from exc


def _output(
    check: ProjectCheck, rules: LoadedRules, lang: str, *, as_json: bool, many: bool
) -> None:
    data = _render(check, rules, lang)
    if as_json:
        (print_json_line if many else print_json)(data)
        return
    _board(data, Renderer(check.rules, {}, lang), lang)


def _board(data: dict[str, Any], renderer: Renderer, lang: str) -> None:
    """A readable board: steps with status and what is missing, people, warnings."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    variant = (
        renderer.variant_name(data["variant"])
        if data["variant"]
        else i18n.t("process.variant.unknown", lang)
    )
    console.print(
        f"[bold]{data['project']}[/bold]  {i18n.t('process.board.variant', lang)}: {variant}"
    )
    table = Table(show_lines=False)
    table.add_column("#", justify="right")
    table.add_column(i18n.t("process.board.step", lang))
    table.add_column(i18n.t("process.board.status", lang))
    table.add_column(i18n.t("process.board.missing", lang))
    for index, step in enumerate(data["steps"], start=1):
        style = _STATUS_STYLE.get(step["status"], "")
        missing = "; ".join(m["message"] for m in step["missing"])
        status = i18n.t(f"process.status.{step['status']}", lang)
        table.add_row(str(index), step["heading"], f"[{style}]{status}[/{style}]", missing)
    console.print(table)
    if data["people"]:
        people = Table(title=i18n.t("process.board.people", lang))
        people.add_column(i18n.t("process.board.name", lang))
        people.add_column(i18n.t("process.board.roles", lang))
        people.add_column(i18n.t("process.board.coi", lang))
        people.add_column(i18n.t("process.board.agreement", lang))
        for person in data["people"]:
            people.add_row(
                person["name"],
                renderer.role_names(person["roles"]),
                _yes_no(person[COI_CLASS], lang),
                _yes_no(person[AGREEMENT_CLASS], lang),
            )
        console.print(people)
    for warning in data["warnings"]:
        style = _SEVERITY_STYLE.get(warning["severity"], "")
        label = i18n.t(f"process.severity.{warning['severity']}", lang)
        console.print(f"[{style}]{label}[/{style}] {warning['message']}", highlight=False)


def _yes_no(value: bool, lang: str) -> str:
    return i18n.t("process.board.yes" if value else "process.board.no", lang)
