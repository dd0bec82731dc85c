"""`recordkeeper classify [--json] PATH...`: classify files and folders, no database.

Output streams as files finish: with `--json` one object per file per line
(the contract in docs/rules.md and README), otherwise a table in the chosen
language. Unreadable files are output, not failure (exit 0); a path that
does not exist is a usage error (exit 2).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import typer

from recordkeeper import i18n
from recordkeeper.cli.common import print_json_line, require_paths, shown_name, state
from recordkeeper.ingest.extract import Limits
from recordkeeper.ingest.pool import ExtractionPool, Job
from recordkeeper.model import ExtractionResult
from recordkeeper.ruleset.classes import ClassRules
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.services.classify_files import ExtractJob, FileOutcome, classify_paths
from recordkeeper.services.ingest import limits_from

i18n.register(
    {
        "classify.col.class": {"sv": "Klass", "en": "Class"},
        "classify.col.draft": {"sv": "Utkast", "en": "Draft"},
        "classify.col.register": {"sv": "Diarieföras", "en": "Register"},
        "classify.col.personal": {"sv": "Personuppg.", "en": "Pers. data"},
        "classify.col.confidence": {"sv": "Säkerhet", "en": "Confidence"},
        "classify.col.path": {"sv": "Fil", "en": "File"},
        "classify.yes": {"sv": "ja", "en": "yes"},
        "classify.no": {"sv": "nej", "en": "no"},
        "classify.ignored": {"sv": "(ignoreras)", "en": "(ignored)"},
        "classify.review": {"sv": "granskas", "en": "review"},
    }
)


class PoolExtractor:
    """Reads files in worker processes (timeout and memory cap per file).

    The pool starts only when there is a file to read, so `classify` on
    ignored or missing-only input starts no processes.
    """

    def __init__(self, limits: Limits, workers: int) -> None:
        self.limits, self.workers = limits, workers

    def extract_many(
        self, jobs: Iterable[ExtractJob]
    ) -> Iterator[tuple[ExtractJob, ExtractionResult]]:
        pending = list(jobs)
        if not pending:
            return
        with ExtractionPool(self.limits, workers=min(self.workers, len(pending))) as pool:
            results = pool.map(Job(j.path, j.rel_path) for j in pending)
            yield from zip(pending, results, strict=True)


def _yes(value: bool | None, lang: str) -> str:
    if value is None:
        return ""
    return i18n.t("classify.yes" if value else "classify.no", lang)


def _row(outcome: FileOutcome, rules: ClassRules, lang: str) -> str:
    c = outcome.classification
    if outcome.ignored or c is None:
        blank = f"{'':>6} {'':>11} {'':>11} {'':>8}"
        return f"{i18n.t('classify.ignored', lang):<34} {blank}  {shown_name(outcome.path)}"
    spec = rules.by_id(c.doc_class)
    name = (spec.name_sv if lang == "sv" else spec.name_en) if spec else c.doc_class
    note = f"  [{i18n.t(f'unreadable.{outcome.error}', lang)}]" if outcome.error else ""
    review = f" ({i18n.t('classify.review', lang)})" if c.needs_review else ""
    return (
        f"{name[:34]:<34} {_yes(c.is_draft, lang):>6} {_yes(c.must_register, lang):>11} "
        f"{_yes(c.personal_data, lang):>11} {c.confidence:>8.2f}  {shown_name(outcome.path)}"
        f"{review}{note}"
    )


def _header(lang: str) -> str:
    cols = ("class", "draft", "register", "personal", "confidence", "path")
    c = [i18n.t(f"classify.col.{k}", lang) for k in cols]
    return f"{c[0]:<34} {c[1]:>6} {c[2]:>11} {c[3]:>11} {c[4]:>8}  {c[5]}"


def classify(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="Files or folders (recursive)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per file per line."),
    lang: str | None = typer.Option(
        None, "--lang", help="Language of the table: sv or en (also a global option)."
    ),
) -> None:
    """Klassificera filer och mappar / classify files and folders (no database needed).

    Each file gets a class, a draft flag, a registration duty, a personal-data
    flag, a confidence and the reasons. Exit 0 also when files are unreadable;
    exit 2 when a path does not exist.
    """
    cli = state(ctx)
    lang = lang if lang in i18n.LANGUAGES else cli.lang
    require_paths(paths, lang)
    settings = cli.settings()
    rules: ClassRules = load_ruleset(settings.rules_dir).one("classes")
    outcomes = classify_paths(
        [str(p) for p in paths],
        rules,
        PoolExtractor(limits_from(settings), settings.ingest.workers),
        settings.ingest.ignore_patterns,
    )
    if not as_json:
        typer.echo(_header(lang))
    for outcome in outcomes:
        if as_json:
            print_json_line(outcome.as_json())
        else:
            typer.echo(_row(outcome, rules, lang))
