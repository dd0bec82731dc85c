"""`recordkeeper check`: the process check of project folders (no database, no daemon).

`check --json PROJECT_DIR` prints one JSON object (contract in README and
docs/rules.md); without `--json` a board for the terminal. `check --all`
checks every project folder under the configured roots (JSON: one object per
line). Exit 0 when the check ran, whatever it found; 2 for a folder that does
not exist, invalid rule files or an invalid project file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from recordkeeper import i18n
from recordkeeper.classify import classify_document, compiled
from recordkeeper.cli.common import print_json, print_json_line, state
from recordkeeper.config import Settings
from recordkeeper.errors import UsageError
from recordkeeper.ingest.pool import ExtractionPool
from recordkeeper.model import Classification, DocumentFacts
from recordkeeper.process.report import AGREEMENT_CLASS, COI_CLASS, Renderer, to_json
from recordkeeper.ruleset.load import LoadedRules, load_ruleset
from recordkeeper.services.check import Classifier, ProjectCheck, check_project, project_dirs
from recordkeeper.services.ingest import limits_from

_STATUS_STYLE = {
    "complete": "green",
    "partial": "yellow",
    "missing": "red",
    "not_applicable": "dim",
    "needs_confirmation": "cyan",
}
_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "dim"}


@contextmanager
def _extractor(settings: Settings) -> Iterator[ExtractionPool]:
    """Worker processes with a timeout and a memory cap per file: a hostile file
    cannot hang or kill the check."""
    workers = max(1, min(settings.ingest.workers, 2))
    with ExtractionPool(limits_from(settings), workers=workers) as pool:
        yield pool


def _classifier(rules: LoadedRules) -> Classifier:
    """The rule-based classifier over the classes rule file (compiled once)."""
    class_rules = compiled(rules.one("classes"))

    def classify(facts: DocumentFacts) -> Classification:
        return classify_document(facts, class_rules)

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
    with _extractor(settings) as extractor:
        for folder in folders:
            result = check_project(
                folder,
                rules=rules,
                extractor=extractor,
                classify=classify,
                today=as_of,
                ignore_patterns=settings.ingest.ignore_patterns,
                tolerate_bad_project_file=all_projects,
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
    _board(data, lang)


def _board(data: dict[str, Any], lang: str) -> None:
    """A readable board: steps with status and what is missing, people, warnings."""
    console = Console()
    variant = data["variant"] or i18n.t("process.variant.unknown", lang)
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
        people.add_column("")
        people.add_column(i18n.t("process.board.roles", lang))
        people.add_column(i18n.t("process.board.coi", lang))
        people.add_column(i18n.t("process.board.agreement", lang))
        for person in data["people"]:
            people.add_row(
                person["name"],
                ", ".join(person["roles"]),
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
