"""`check` reuses the daemon's store: unchanged files are neither read nor reclassified."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recordkeeper.classify import classify_document, compiled
from recordkeeper.cli import app
from recordkeeper.config import Settings
from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import ExtractionResult
from recordkeeper.ruleset.classes import ClassRules
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.samples.builders import make_docx
from recordkeeper.services.check import Job, ProjectCheck, check_project
from recordkeeper.services.check_known import StoreDocuments
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import configured_roots
from recordkeeper.store.unit import Store
from tests.fakes import FakeClock
from tests.webclient import PROJECT, make_project_missing_a_declaration, scan

TODAY = date(2026, 11, 25)


class RecordingExtractor:
    """Extracts in process and remembers which files it was asked for."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def map(self, items: Iterable[Job]) -> Iterator[ExtractionResult]:
        for path, rel, project in items:
            self.asked.append(rel)
            yield extract_file(path, rel, Limits(), project=project)


@pytest.fixture
def ctx(settings: Settings, rules: LoadedRules, store: Store, clock: FakeClock) -> Context:
    return Context(settings=settings, rules=rules, store=store, clock=clock)


def _check(
    ctx: Context, folder: Path, extractor: RecordingExtractor, class_rules: ClassRules | None = None
) -> ProjectCheck:
    classes = class_rules or ctx.rules.one("classes")
    known = StoreDocuments(ctx.store, configured_roots(ctx.settings), classes)
    return check_project(
        folder,
        rules=ctx.rules,
        extractor=extractor,
        classify=lambda facts: classify_document(facts, compiled(classes)),
        today=TODAY,
        known=known,
    )


def _statuses(check: ProjectCheck) -> dict[str, str]:
    return {s.step_id: s.status for s in check.evaluation.steps}


def test_an_unchanged_project_is_checked_without_reading_a_file(ctx: Context, share: Path) -> None:
    folder = make_project_missing_a_declaration(share)
    scan(ctx)
    extractor = RecordingExtractor()
    from_store = _check(ctx, folder, extractor)
    assert extractor.asked == []
    fresh = check_project(
        folder,
        rules=ctx.rules,
        extractor=RecordingExtractor(),
        classify=lambda f: classify_document(f, compiled(ctx.rules.one("classes"))),
        today=TODAY,
    )
    assert _statuses(from_store) == _statuses(fresh)
    assert [p.name for p in from_store.evaluation.people] == [
        p.name for p in fresh.evaluation.people
    ]
    assert [d for s in from_store.evaluation.steps for d in s.evidence] == [
        d for s in fresh.evaluation.steps for d in s.evidence
    ]


def test_only_a_changed_or_new_file_is_read(ctx: Context, share: Path) -> None:
    folder = make_project_missing_a_declaration(share)
    scan(ctx)
    declaration = folder / "02 Projektgrupp" / "Jävsdeklaration Karin Ek.docx"
    make_docx(declaration, title="Jävsdeklaration", paragraphs=["Namn: Karin Ek", "Ändrad."])
    os.utime(declaration, ns=(1, 1))  # a new mtime whatever the clock's resolution
    make_docx(
        folder / "02 Projektgrupp" / "Jävsdeklaration Lars Berg.docx",
        title="Jävsdeklaration",
        paragraphs=["Namn: Lars Berg"],
    )
    extractor = RecordingExtractor()
    check = _check(ctx, folder, extractor)
    assert sorted(extractor.asked) == [
        "02 Projektgrupp/Jävsdeklaration Karin Ek.docx",
        "02 Projektgrupp/Jävsdeklaration Lars Berg.docx",
    ]
    paths = [d for s in check.evaluation.steps for d in s.evidence]
    assert "02 Projektgrupp/Jävsdeklaration Lars Berg.docx" in paths


def test_other_class_rules_reclassify_the_stored_facts_without_reading(
    ctx: Context, share: Path
) -> None:
    folder = make_project_missing_a_declaration(share)
    scan(ctx)
    rules: ClassRules = ctx.rules.one("classes")
    changed = rules.model_copy(update={"version": rules.version + 1})
    known = StoreDocuments(ctx.store, configured_roots(ctx.settings), changed)
    reuse = known.lookup(folder, [(folder / p, p) for p in _rel_files(folder)])
    assert len(reuse.documents) == 4
    assert reuse.reclassified == 4
    same = StoreDocuments(ctx.store, configured_roots(ctx.settings), rules)
    assert same.lookup(folder, [(folder / p, p) for p in _rel_files(folder)]).reclassified == 0


def test_a_folder_outside_the_roots_is_not_looked_up(ctx: Context, tmp_path: Path) -> None:
    outside = make_project_missing_a_declaration(tmp_path / "elsewhere")
    extractor = RecordingExtractor()
    _check(ctx, outside, extractor)
    assert len(extractor.asked) == 4


def _rel_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _config(tmp_path: Path, settings: Settings) -> Path:
    config = tmp_path / "rk.toml"
    roots = "".join(f'[[roots]]\npath = "{r.path}"\n' for r in settings.roots)
    config.write_text(
        f'database_url = "{settings.database_url}"\nrules_dir = "{settings.rules_dir}"\n'
        f'state_dir = "{settings.state_dir}"\n{roots}',
        encoding="utf-8",
    )
    return config


@pytest.mark.parametrize("db_backend", ["sqlite"], indirect=True)
def test_the_command_gives_the_same_answer_from_the_store_and_fresh(
    ctx: Context, share: Path, tmp_path: Path
) -> None:
    folder = make_project_missing_a_declaration(share)
    scan(ctx)
    config = _config(tmp_path, ctx.settings)
    runner = CliRunner()
    args = ["--config", str(config), "check", "--json", str(folder), "--today", "2026-11-25"]
    stored = runner.invoke(app, args)
    fresh = runner.invoke(app, [*args, "--fresh"])
    assert stored.exit_code == 0, stored.stderr
    assert fresh.exit_code == 0, fresh.stderr
    assert json.loads(stored.stdout) == json.loads(fresh.stdout)


def test_the_command_never_creates_a_database(tmp_path: Path, share: Path) -> None:
    folder = make_project_missing_a_declaration(share)
    database = tmp_path / "state" / "none.db"
    config = tmp_path / "rk.toml"
    config.write_text(
        f'database_url = "sqlite:///{database}"\n[[roots]]\npath = "{share}"\n', encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["--config", str(config), "check", "--json", str(folder)])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["project"] == PROJECT
    assert not database.exists() and not database.parent.exists()
