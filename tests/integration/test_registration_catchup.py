"""A must-register version whose registration stage never ran (the daemon killed between
ingest's commit and the stages, a stage that failed) is judged by the catch-up: real files
on a temp share, the ingest service, real SQLite. The lost stage is made by leaving the
registration stage out of the pipeline while ingesting, as a kill at that moment would."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from recordkeeper.config import Settings
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.samples.builders import make_docx
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import configured_roots, scan_roots
from recordkeeper.services.registration_answers import dismiss
from recordkeeper.services.registration_catchup import RegistrationCatchUp, judge_unprompted
from recordkeeper.services.registration_queue import open_prompts
from recordkeeper.store.unit import Store
from tests.fakes import FakeClock
from tests.lost_stage import stage_lost


def _paragraphs(signer: str) -> list[str]:
    return [
        "Deklaration av bindningar och jäv för sakkunnig i projektgrupp.",
        "Jag har inga bindningar.",
        "Ort och datum: Uppsala 2025-04-09",
        "Underskrift",
        f"Namnförtydligande: {signer}",
    ]


@pytest.fixture
def ctx(settings: Settings, rules: LoadedRules, clock: FakeClock) -> Iterator[Context]:
    clock.set(datetime(2025, 4, 10, 8, tzinfo=UTC))
    store = Store(settings.database_url)
    store.migrate()
    yield Context(settings=settings, rules=rules, store=store, clock=clock)
    store.close()


def _declaration(share: Path, name: str, signer: str = "Karin Ek") -> Path:
    path = share / "Ländrygg" / "Jäv" / name
    return make_docx(path, title="Jävsdeklaration", paragraphs=_paragraphs(signer))


def _scan_without_registration(ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    with stage_lost(monkeypatch, "registration"):
        scan_roots(ctx, configured_roots(ctx.settings))


def test_a_version_whose_stage_was_lost_is_prompted_once(
    db_backend: str, ctx: Context, share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _declaration(share, "Jävsdeklaration KE.docx")
    make_docx(share / "Ländrygg" / "Utkast" / "Rapport UTKAST.docx", paragraphs=["UTKAST", "Text"])
    _scan_without_registration(ctx, monkeypatch)
    assert open_prompts(ctx) == []

    judged = judge_unprompted(ctx)

    assert len(judged) == 1  # the declaration; the draft is no must-register version
    (view,) = open_prompts(ctx)
    assert (view.doc_class, view.kind, view.path) == (
        "coi_declaration",
        "register",
        "Ländrygg/Jäv/Jävsdeklaration KE.docx",
    )
    assert view.counterpart == "Karin Ek"
    assert judge_unprompted(ctx) == []  # judged versions are not looked at again
    assert len(open_prompts(ctx)) == 1


def test_a_dismissed_prompt_is_not_asked_again(
    ctx: Context, share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _declaration(share, "Jävsdeklaration KE.docx")
    scan_roots(ctx, configured_roots(ctx.settings))
    (view,) = open_prompts(ctx)
    dismiss(ctx, view.id, "finns redan i ärendet", "registrator1")
    assert judge_unprompted(ctx) == []
    assert open_prompts(ctx) == []


def test_the_hook_waits_for_classification_then_walks_in_batches_then_waits_its_interval(
    ctx: Context, share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for signer in ("Anna Berg", "Per Holm", "Eva Lind"):
        _declaration(share, f"Jävsdeklaration {signer}.docx", signer)
    _scan_without_registration(ctx, monkeypatch)
    now = [0.0]
    hook = RegistrationCatchUp(interval_s=900, monotonic=lambda: now[0], batch=2)

    hook(ctx, classification_current=False)
    assert open_prompts(ctx) == []
    hook(ctx, classification_current=True)
    assert len(open_prompts(ctx)) == 2  # a full batch: the pass goes on next tick
    hook(ctx, classification_current=True)
    assert len(open_prompts(ctx)) == 3

    _declaration(share, "Jävsdeklaration Olof Dahl.docx", "Olof Dahl")
    _scan_without_registration(ctx, monkeypatch)
    now[0] = 899.0
    hook(ctx, classification_current=True)
    assert len(open_prompts(ctx)) == 3  # the pass ended; the next waits its interval
    now[0] = 901.0
    hook(ctx, classification_current=True)
    assert len(open_prompts(ctx)) == 4
