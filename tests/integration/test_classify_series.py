"""Version chains and Word files beside their PDF across the folders of a series (session 8).

Teams that keep a folder per day or meeting (`2026-04-10/`, `2026-04-17/`, `Möte 3/`) put
version 3 of a text in one folder and version 4 in the next, or the Word file in one and its
signed PDF in another. `series_folders` (classes.yaml) names such folders; the version and
sibling passes compare the files of every folder of a series under one parent as if they lay
in one folder, alike in `classify --json`, `check` and the daemon. Real files, the shipped
rules, real SQLite.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from recordkeeper.classify import series, siblings, versions
from recordkeeper.model import Classification
from recordkeeper.ruleset.load import LoadedRules, load_ruleset
from recordkeeper.samples.builders import make_docx, make_pdf
from recordkeeper.services.classify_files import classify_paths
from recordkeeper.services.context import Context
from tests.check_support import checked_classifications
from tests.daemon_support import classified_events as _events
from tests.daemon_support import document_id as _id
from tests.daemon_support import scan, stored_classifications
from tests.fakes import FakeClock, InProcess

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")
NO_SERIES = RULES.model_copy(update={"series_folders": ()})
PROJECT = "OSA new decision support 2026"
V3 = "2026-04-10/Text proposal and recommendations OSA v3.docx"
V4 = "2026-04-17/Text proposal and recommendations OSA v4 - for consultation.docx"
V4_PDF = "2026-04-17/Text proposal and recommendations OSA v4 - for consultation.pdf"
WORD = "Möte 2/Avtal om ersättning Karin Ek.docx"
SIGNED = "Möte 3/Avtal om ersättning Karin Ek signerat.pdf"
NOTES = ("Möte 2/Minnesanteckningar.docx", "Möte 3/Minnesanteckningar.docx")
NOTES_PDF = "Möte 3/Minnesanteckningar.pdf"
PROPOSAL = [
    "Textförslag och rekommendationer – obstruktiv sömnapné",
    "Kort om diagnosen: snarkning, andningsuppehåll, dagtrötthet.",
    "Rekommendation 1: Överväg sjukskrivning 1–2 veckor under insättning av CPAP.",
]
AGREEMENT = [
    "Avtal om ersättning för sakkunnig",
    "Parter: Socialstyrelsen och Karin Ek",
    "Ersättning: 1 100 kr per timme mot faktura.",
]
MINUTES = ["Minnesanteckningar möte med sakkunniga", "Närvarande: Karin Ek", "Beslut: § 3"]


def _proposal(path: Path) -> Path:
    return make_docx(path, title=PROPOSAL[0], paragraphs=PROPOSAL[1:])


def _build(root: Path, *names: str) -> Path:
    for name in names:
        path = root / name
        lines = AGREEMENT if "Avtal" in name else MINUTES if "Minnes" in name else PROPOSAL
        if name.endswith(".pdf"):
            make_pdf(path, lines)
        else:
            make_docx(path, title=lines[0], paragraphs=lines[1:])
    return root


def _project(root: Path) -> Path:
    return _build(root / PROJECT, V3, V4, V4_PDF, WORD, SIGNED, *NOTES, NOTES_PDF)


def _cli(root: Path, rules: Any = RULES) -> dict[str, Classification]:
    out = {}
    for o in classify_paths([str(root)], rules, InProcess(), ()):
        assert o.classification is not None
        out[o.path.split(PROJECT + "/", 1)[1]] = o.classification
    return out


def _state(c: Classification) -> tuple[str, bool, bool]:
    return (c.doc_class, c.is_draft, c.must_register)


# --- the pure passes -----------------------------------------------------------------


def test_a_series_is_rule_data_matched_from_a_folder_names_start() -> None:
    for folder in ("P/2026-04-17", "P/20260417", "P/2026-04-17 RG-möte", "P/Möte 3", "P/Vecka 12"):
        assert series.group_of(folder, RULES) == "P" + series.SERIES, folder
    for folder in ("P/Möten", "P/Texter", "P/2026", "P/Protokoll 2026-04-17", ""):
        assert series.group_of(folder, RULES) == folder, folder
    assert series.group_of("P/2026-04-17", NO_SERIES) == "P/2026-04-17"


def test_versions_across_the_folders_of_a_series() -> None:
    paths = [
        "P/" + V3,
        "P/" + V4,
        "P/" + V4_PDF,
        "P/Texter/Text proposal and recommendations OSA v1.docx",  # no folder of the series
        "Q/2026-04-01/Text proposal and recommendations OSA v1.docx",  # another parent
    ]
    found = versions.newer_versions(paths, RULES)
    assert set(found) == {"P/" + V3}
    assert found["P/" + V3].path in ("P/" + V4, "P/" + V4_PDF)
    assert versions.newer_versions(paths, NO_SERIES) == {}


def test_a_newer_version_in_its_own_folder_comes_first() -> None:
    paths = ["P/Möte 1/PM v1.docx", "P/Möte 1/PM v2.docx", "P/Möte 2/PM v3.docx"]
    found = versions.newer_versions(paths, RULES)
    assert found["P/Möte 1/PM v1.docx"].path == "P/Möte 1/PM v2.docx"
    assert found["P/Möte 1/PM v2.docx"].path == "P/Möte 2/PM v3.docx"


def test_word_and_pdf_pair_across_a_series_only_when_alone_under_their_name() -> None:
    paths = ["P/" + p for p in (WORD, SIGNED, *NOTES, NOTES_PDF)]
    assert siblings.pairs(paths, RULES) == {
        "P/" + WORD: "P/" + SIGNED,
        "P/" + NOTES[1]: "P/" + NOTES_PDF,  # in its own folder; meeting 2's notes are another
    }
    assert siblings.pairs(paths, NO_SERIES) == {"P/" + NOTES[1]: "P/" + NOTES_PDF}


# --- classify --json and check -------------------------------------------------------


def test_classify_json_supersedes_and_pairs_across_the_series(tmp_path: Path) -> None:
    got = _cli(_project(tmp_path))
    assert _state(got[V3]) == ("text_proposal", True, False)
    assert versions.REASON in got[V3].reasons
    assert _state(got[V4]) == ("text_proposal", True, False)  # beside its PDF
    assert _state(got[V4_PDF]) == ("text_proposal", False, True)
    assert _state(got[WORD]) == ("agreement", True, False)
    assert siblings.REASON in got[WORD].reasons
    assert _state(got[SIGNED]) == ("agreement", False, True)
    assert not got[NOTES[0]].is_draft  # another meeting's notes
    assert got[NOTES[1]].is_draft
    without = _cli(tmp_path, NO_SERIES)
    assert not without[V3].is_draft and not without[WORD].is_draft


def test_check_runs_the_same_passes(
    tmp_path: Path, rules: LoadedRules, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _project(tmp_path)
    checked = checked_classifications(folder, rules, monkeypatch)
    got = {path: _state(c) for path, c in checked.items() if "/" in path}
    want = {name: _state(c) for name, c in _cli(folder).items()}
    assert got == want
    assert got[V3][1:] == (True, False) and got[WORD][1:] == (True, False)


# --- the daemon ----------------------------------------------------------------------


def _stored(ctx: Context) -> dict[str, Classification]:
    return stored_classifications(ctx, lambda path: path.split(PROJECT + "/", 1)[1])


def test_the_daemon_agrees_with_classify_json(ctx: Context, share: Path) -> None:
    _project(share)
    scan(ctx)
    daemon = {n: _state(c) for n, c in _stored(ctx).items()}
    assert daemon == {n: _state(c) for n, c in _cli(share / PROJECT).items()}
    assert daemon[V3][1:] == (True, False) and daemon[WORD][1:] == (True, False)


def test_a_later_folder_of_the_series_supersedes_and_its_loss_restores(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    """v4 and the signed PDF arrive in later day folders: the stored v3 and Word file are
    classified again (audited); when they go, both are registrable again."""
    _build(share / PROJECT, V3, WORD)
    scan(ctx)
    stored = _stored(ctx)
    assert stored[V3].must_register and stored[WORD].must_register
    clock.advance(60)
    _build(share / PROJECT, V4_PDF, SIGNED)
    scan(ctx)
    stored = _stored(ctx)
    assert _state(stored[V3])[1:] == (True, False) and versions.REASON in stored[V3].reasons
    assert _state(stored[WORD])[1:] == (True, False) and siblings.REASON in stored[WORD].reasons
    assert _events(ctx, _id(ctx, V3)) == 2 and _events(ctx, _id(ctx, WORD)) == 2
    daemon = {n: _state(c) for n, c in stored.items()}
    assert daemon == {n: _state(c) for n, c in _cli(share / PROJECT).items()}
    clock.advance(60)
    (share / PROJECT / V4_PDF).unlink()
    (share / PROJECT / SIGNED).unlink()
    scan(ctx)
    stored = _stored(ctx)
    for name in (V3, WORD):
        assert _state(stored[name])[1:] == (False, True), name
        assert _events(ctx, _id(ctx, name)) == 3, name


# --- the same name saved in each day's folder (versions.folder_dates, session 9) ---------

DAYS = ("2026-04-10/Textförslag OSA.docx", "2026-04-17/Textförslag OSA.docx")
LATEST = "2026-04-24 RG-möte/Textförslag OSA.docx"
MINUTES_BY_DAY = ("2026-04-10/Protokoll.docx", "2026-04-17/Protokoll.docx")
NO_FOLDER_DATES = RULES.model_copy(
    update={"versions": RULES.versions.model_copy(update={"folder_dates": False})}
)


def test_the_folders_date_versions_a_name_saved_in_each_days_folder() -> None:
    paths = ["P/" + p for p in (*DAYS, LATEST)]
    found = versions.newer_versions(paths, RULES)
    assert set(found) == {"P/" + DAYS[0], "P/" + DAYS[1]}
    assert {n.path for n in found.values()} == {"P/" + LATEST}
    assert all(n.dated for n in found.values())
    assert versions.versioned("P/" + DAYS[0], RULES)
    assert versions.newer_versions(paths, NO_FOLDER_DATES) == {}
    assert not versions.versioned("P/" + DAYS[0], NO_FOLDER_DATES)


def test_a_folders_date_neither_mixes_with_versions_of_another_kind_nor_leaves_a_series() -> None:
    mixed = ["P/" + V3, "P/" + V4, "P/2026-04-24/Text proposal and recommendations OSA.docx"]
    assert set(versions.newer_versions(mixed, RULES)) == {"P/" + V3}  # as without the day
    dated = ["P/2026-04-10/PM 2026-04-01.docx", "P/2026-04-17/PM.docx"]  # its own date first
    assert set(versions.newer_versions(dated, RULES)) == {"P/2026-04-10/PM 2026-04-01.docx"}
    final = ["P/2026-04-10/PM.docx", "P/2026-04-17/PM slutversion.docx"]
    assert set(versions.newer_versions(final, RULES)) == {"P/2026-04-10/PM.docx"}
    elsewhere = ["P/Texter/PM.docx", "P/Möte 3/PM.docx", "P/2026-04-17/PM.docx", "P/PM.docx"]
    assert versions.newer_versions(elsewhere, RULES) == {}  # no date in a folder of the series


def test_classify_json_versions_a_days_file_by_its_folder_and_keeps_each_days_minutes(
    tmp_path: Path,
) -> None:
    folder = _build(tmp_path / PROJECT, *DAYS, LATEST)
    for name in MINUTES_BY_DAY:
        make_docx(folder / name, title=MINUTES[0], paragraphs=MINUTES[1:])
    got = _cli(folder)
    for name in DAYS:
        assert _state(got[name]) == ("text_proposal", True, False), name
        assert versions.REASON in got[name].reasons
    assert _state(got[LATEST]) == ("text_proposal", False, True)
    for name in MINUTES_BY_DAY:  # each day's minutes: a date names another meeting
        assert _state(got[name]) == ("meeting_notes", False, True), name
    without = _cli(folder, NO_FOLDER_DATES)
    assert not any(without[name].is_draft for name in DAYS)


def test_the_daemon_versions_a_days_file_by_its_folder_as_it_arrives(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    _build(share / PROJECT, *DAYS)
    scan(ctx)
    stored = _stored(ctx)
    assert _state(stored[DAYS[0]])[1:] == (True, False)
    assert _state(stored[DAYS[1]])[1:] == (False, True)
    clock.advance(60)
    _build(share / PROJECT, LATEST)
    scan(ctx)
    stored = _stored(ctx)
    assert _state(stored[DAYS[1]])[1:] == (True, False)
    assert versions.REASON in stored[DAYS[1]].reasons
    assert _events(ctx, _id(ctx, DAYS[1])) == 2
    daemon = {n: _state(c) for n, c in stored.items()}
    assert daemon == {n: _state(c) for n, c in _cli(share / PROJECT).items()}
