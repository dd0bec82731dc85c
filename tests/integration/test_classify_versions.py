"""Superseded versions (`classify.versions`, session 7): an older version of a document
beside a newer one is a draft, not registered; in `classify --json`, `check` and the daemon
alike. Real files, real extraction, real SQLite (and PostgreSQL where the store runs on it)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from recordkeeper.classify.versions import REASON, Newer, newer_versions, superseded
from recordkeeper.model import Classification
from recordkeeper.ruleset.load import LoadedRules, load_ruleset
from recordkeeper.samples.builders import make_docx, make_pdf
from recordkeeper.services.classification import correct_classification
from recordkeeper.services.classify_files import classify_paths
from recordkeeper.services.context import Context
from tests.check_support import checked_classifications
from tests.daemon_support import classified_events as _events
from tests.daemon_support import document_id as _id
from tests.daemon_support import scan
from tests.daemon_support import stored_classifications as _stored
from tests.fakes import FakeClock, InProcess

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")
PROJECT = "FMB Postcovid"
REV = "Textförslag och rekommendationer postcovid rev {}.docx"
FINAL = "Textförslag och rekommendationer postcovid rev C (slutversion).docx"


def _proposal(path: Path, revision: str) -> Path:
    return make_docx(
        path,
        title="Textförslag och rekommendationer – postcovid",
        headings=["Kort om diagnosen", "Funktionsnedsättning", "Rekommendationer"],
        paragraphs=[
            f"Revision {revision}",
            "Överväg sjukskrivning på deltid när ansträngningsutlöst försämring finns.",
        ],
    )


def _minutes(path: Path, day: str) -> Path:
    return make_docx(
        path,
        title=f"Minnesanteckningar möte med sakkunniga {day}",
        paragraphs=["Närvarande: Tove Granath, Karin Ek", "Beslut: texten skickas till RG."],
    )


def _folder(root: Path) -> Path:
    texts = root / "texter"
    for letter in "AB":
        _proposal(texts / REV.format(letter), letter)
    _proposal(texts / FINAL, "C")
    _proposal(texts / "postcovid_rek_2026-04-20.docx", "1")
    _proposal(texts / "postcovid_rek_2026-05-04.docx", "2")
    make_pdf(texts / "Kunskapsunderlag v1.pdf", ["Kunskapsunderlag med metodbeskrivning"])
    make_docx(
        texts / "Kunskapsunderlag v2.docx",
        title="Kunskapsunderlag med metodbeskrivning",
        paragraphs=["Metod: litteratursökning."],
    )
    _minutes(root / "möten" / "Minnesanteckningar 2026-03-01.docx", "2026-03-01")
    _minutes(root / "möten" / "Minnesanteckningar 2026-04-15.docx", "2026-04-15")
    return root


def _cli(root: Path, rules: Any = RULES) -> dict[str, Classification]:
    out = {}
    for o in classify_paths([str(root)], rules, InProcess(), ()):
        assert o.classification is not None
        out[o.path.rpartition("/")[2]] = o.classification
    return out


def _state(c: Classification) -> tuple[str, bool, bool]:
    return (c.doc_class, c.is_draft, c.must_register)


# --- classify --json ---------------------------------------------------------------


def test_older_versions_beside_the_final_or_newest_one_are_superseded(tmp_path: Path) -> None:
    got = _cli(_folder(tmp_path / PROJECT))
    for name in (REV.format("A"), REV.format("B"), "postcovid_rek_2026-04-20.docx"):
        assert (got[name].is_draft, got[name].must_register) == (True, False), name
        assert REASON in got[name].reasons, name
    for name in (FINAL, "postcovid_rek_2026-05-04.docx", "Kunskapsunderlag v2.docx"):
        assert not got[name].is_draft, name
        assert got[name].must_register, name
        assert REASON not in got[name].reasons, name
    # a PDF of an earlier version is what was sent: kept
    assert got["Kunskapsunderlag v1.pdf"].must_register
    # a date names another meeting's minutes, no version of one document
    for name in ("Minnesanteckningar 2026-03-01.docx", "Minnesanteckningar 2026-04-15.docx"):
        assert REASON not in got[name].reasons, name
        assert got[name].must_register, name


def test_without_a_newer_version_nothing_is_superseded(tmp_path: Path) -> None:
    _proposal(tmp_path / "P" / REV.format("A"), "A")
    _proposal(tmp_path / "P" / "Annan text rev B.docx", "B")  # another document
    _proposal(tmp_path / "Q" / REV.format("B"), "B")  # another folder
    got = _cli(tmp_path)
    assert all(REASON not in c.reasons and c.must_register for c in got.values())


def test_the_versions_are_rule_data(tmp_path: Path) -> None:
    _folder(tmp_path / PROJECT)
    no_tokens = RULES.model_copy(
        update={"versions": RULES.versions.model_copy(update={"tokens": (), "date_tokens": ()})}
    )
    assert all(REASON not in c.reasons for c in _cli(tmp_path, no_tokens).values())
    minutes_too = RULES.model_copy(
        update={
            "versions": RULES.versions.model_copy(
                update={"dated_classes": (*RULES.versions.dated_classes, "meeting_notes")}
            )
        }
    )
    got = _cli(tmp_path, minutes_too)
    assert REASON in got["Minnesanteckningar 2026-03-01.docx"].reasons
    assert REASON not in got["Minnesanteckningar 2026-04-15.docx"].reasons


def test_names_alone_decide_which_is_newer() -> None:
    found = newer_versions(
        [
            "P/rek_v1.docx",
            "P/rek v2.docx",
            "P/rek v10 FINAL.pdf",
            "P/Plan ver 1.1.docx",
            "P/Plan ver 1.2.docx",
            "P/PM v2 final.docx",  # final: never older
            "P/PM v3.docx",  # newer than a final one: a new round, kept
            "P/Text rev A.docx",
            "P/Text 2026-05-01.docx",  # versions of different kinds: no order
            "P/260422 Missiv.docx",
            "P/260510 Missiv.docx",
            "P/Svar v2.docx",
            "P/Svar v2_FINAL.docx",  # the final one of the same version
            "P/Enkät v2.eml",  # no working file
            "P/Enkät v3.eml",
        ],
        RULES,
    )
    assert {old: (n.path, n.dated) for old, n in found.items()} == {
        "P/rek_v1.docx": ("P/rek v10 FINAL.pdf", False),
        "P/rek v2.docx": ("P/rek v10 FINAL.pdf", False),
        "P/Plan ver 1.1.docx": ("P/Plan ver 1.2.docx", False),
        "P/260422 Missiv.docx": ("P/260510 Missiv.docx", True),
        "P/Svar v2.docx": ("P/Svar v2_FINAL.docx", False),
    }


def test_a_correction_or_a_class_that_is_never_a_draft_wins() -> None:
    newer = Newer("P/A v2.docx", dated=False)
    plain = Classification("text_proposal", False, True, False, 1.0)
    assert superseded(replace(plain, corrected=True), newer, RULES) is None
    assert superseded(replace(plain, doc_class="comments"), newer, RULES) is None
    done = superseded(plain, newer, RULES)
    assert done is not None and (done.is_draft, done.must_register) == (True, False)
    assert superseded(plain, Newer("P/A 2026-05-01.docx", dated=True), RULES) is not None
    minutes = replace(plain, doc_class="meeting_notes")
    assert superseded(minutes, Newer("P/M 2026-05-01.docx", dated=True), RULES) is None


# --- check ---------------------------------------------------------------------------


def test_check_runs_the_same_pass(
    tmp_path: Path, rules: LoadedRules, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path / PROJECT)
    checked = checked_classifications(folder, rules, monkeypatch)
    got = {path.rpartition("/")[2]: _state(c) for path, c in checked.items()}
    assert got == {name: _state(c) for name, c in _cli(folder).items()}


# --- the daemon ----------------------------------------------------------------------


def test_the_daemon_agrees_with_classify_json(ctx: Context, share: Path) -> None:
    _folder(share / PROJECT)
    scan(ctx)
    daemon = {n: _state(c) for n, c in _stored(ctx).items()}
    assert daemon == {n: _state(c) for n, c in _cli(share / PROJECT).items()}
    assert daemon[REV.format("A")][1:] == (True, False)


def test_a_newer_version_arriving_later_supersedes_the_stored_one_audited(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    _proposal(share / PROJECT / REV.format("A"), "A")
    scan(ctx)
    old = _id(ctx, REV.format("A"))
    assert _stored(ctx)[REV.format("A")].must_register
    clock.advance(60)
    _proposal(share / PROJECT / REV.format("B"), "B")
    scan(ctx)
    stored = _stored(ctx)
    assert _state(stored[REV.format("A")])[1:] == (True, False)
    assert REASON in stored[REV.format("A")].reasons
    assert stored[REV.format("B")].must_register
    assert _events(ctx, old) == 2  # the change is audited
    clock.advance(60)
    _proposal(share / PROJECT / FINAL, "C")  # the final one: both earlier ones are older
    scan(ctx)
    stored = _stored(ctx)
    assert [stored[REV.format(x)].is_draft for x in "AB"] == [True, True]
    assert stored[FINAL].must_register
    assert _events(ctx, old) == 2  # unchanged: no new event
    daemon = {n: _state(c) for n, c in stored.items()}
    assert daemon == {n: _state(c) for n, c in _cli(share / PROJECT).items()}


def test_when_the_newer_version_goes_or_moves_the_older_one_is_registrable_again(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    _proposal(share / PROJECT / "t" / REV.format("A"), "A")
    newer = _proposal(share / PROJECT / "t" / REV.format("B"), "B")
    _proposal(share / PROJECT / "u" / "Plan v1.docx", "1")
    moving = _proposal(share / PROJECT / "u" / "Plan v2.docx", "2")
    scan(ctx)
    stored = _stored(ctx)
    assert stored[REV.format("A")].is_draft and stored["Plan v1.docx"].is_draft
    clock.advance(60)
    newer.unlink()
    (share / PROJECT / "arkiv").mkdir()
    moving.rename(share / PROJECT / "arkiv" / "Plan v2.docx")
    scan(ctx)
    stored = _stored(ctx)
    for name in (REV.format("A"), "Plan v1.docx"):
        assert (stored[name].is_draft, stored[name].must_register) == (False, True), name
        assert REASON not in stored[name].reasons, name
        assert _events(ctx, _id(ctx, name)) == 2, name


def test_a_registrars_correction_of_an_older_version_wins(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    _proposal(share / PROJECT / REV.format("A"), "A")
    scan(ctx)
    correct_classification(
        ctx, _id(ctx, REV.format("A")), "registrator1", not_official=False, is_draft=False
    )
    clock.advance(60)
    _proposal(share / PROJECT / REV.format("B"), "B")
    scan(ctx)
    old = _stored(ctx)[REV.format("A")]
    assert old.corrected and not old.is_draft and old.must_register
